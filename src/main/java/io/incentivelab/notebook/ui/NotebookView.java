package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.CellIds;
import io.incentivelab.notebook.CellOutput;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookConflictException;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.NotebookNotFoundException;
import io.incentivelab.notebook.NotebookRunEvent;
import io.incentivelab.notebook.NotebookRunExperimentStarted;
import io.incentivelab.notebook.NotebookRunFinished;
import io.incentivelab.notebook.NotebookRunProgressed;
import io.incentivelab.notebook.NotebookRunStarted;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.OwnerKey;
import io.incentivelab.notebook.app.NotebookApplicationService;
import io.incentivelab.notebook.sharing.ui.CurrentOwner;
import io.incentivelab.notebook.sharing.ui.SharePanel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A notebook: its title, a column of cells, and an add-cell bar. Every edit is saved at once (text fields
 * send their value after a short pause in typing, so saves are debounced) and the header says "Saved".
 * Examples ({@code /examples/{name}}) open read-only; "Edit a copy" makes the user's own notebook. Everything it
 * loads, saves, runs and shares goes through {@link NotebookApplicationService}; "Run all" runs there, in the
 * background, and the view follows its events (with {@code ui.access}, while the view is attached).
 */
@Route(Notebook.ROUTE)
@RouteAlias("examples/:example")
public class NotebookView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** At DEBUG, how long opening a notebook took on the server (read, cards, staleness and choices). */
    private static final Logger log = LoggerFactory.getLogger(NotebookView.class);

    private final NotebookApplicationService app;
    private final CellEditors editors;
    // the page, top to bottom: header, example banner, sharing, running jobs, cells, add bar
    private final TextField title = new TextField();
    private final Span saveState = new Span();
    private final RunAllBar runAll = new RunAllBar(this::runAllCells, this::cancelRunAll);
    private final Anchor export = new Anchor();
    private final Div banner = new Div();
    private final SharePanel sharing;
    private final JobsPanel jobs = new JobsPanel();
    private final Div column = new Div();
    private final HorizontalLayout addBar = new HorizontalLayout();
    private final List<ExperimentCellPresenter> presenters = new ArrayList<>();
    private AnalysisPresenter analysisPresenter;
    /** The "Run all" going on for this notebook, or null; and the handle that stops following its events. */
    private String runAllId;
    private Runnable runEvents;

    private Notebook notebook;
    /** How long the last render of the cells took, for the DEBUG log. */
    private String renderTimes = "";
    private NotebookDocument document;
    private long version;
    private OwnerKey owner;

    public NotebookView(NotebookApplicationService app) {
        this.app = app;
        this.sharing = new SharePanel(app);
        this.editors = new CellEditors(app.scenarioPresets());
        addClassName("notebook-view");
        setMaxWidth("1200px");
        column.addClassName("cell-column");
        column.setWidthFull();
        add(configureHeader(), banner, sharing, jobs, column, configureAddBar());
    }

    /** Route parameters of a stored notebook. */
    public static RouteParameters params(String id) {
        return new RouteParameters("id", id);
    }

    /** Route parameters of an example. */
    public static RouteParameters exampleParams(String name) {
        return new RouteParameters("example", name);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().get("id");
        owner = CurrentOwner.get();
        long t0 = System.nanoTime();
        var found = id.isPresent() ? app.find(id.get(), owner)
                : event.getRouteParameters().get("example").flatMap(app::findExample);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        long t1 = System.nanoTime();
        load(found.get());
        followRuns(event.getUI());
        if (log.isDebugEnabled()) {
            log.debug("opened notebook {} ({} cells): read {} ms, view {} ms ({})", found.get().id(),
                    document.cells().size(), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000, renderTimes);
        }
    }

    @Override
    public String getPageTitle() {
        return (document == null ? "Notebook" : document.title()) + " · Incentive Lab";
    }

    private Component configureHeader() {
        title.setAriaLabel("Title");
        title.addClassName("notebook-title");
        title.setWidth("min(40em, 100%)");
        title.setMaxLength(NotebookDocument.MAX_TITLE);
        TextInputs.onPause(title, 500, text -> edit(document.withTitle(text)));
        saveState.addClassName("save-state");
        saveState.getElement().setAttribute("aria-live", "polite");
        export.setText("Export");
        export.getElement().setAttribute("download", true);
        export.addClassName("export-link");
        HorizontalLayout header = new HorizontalLayout(title, saveState, runAll, export);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return header;
    }

    private Component configureAddBar() {
        addBar.addClassName("add-bar");
        for (var type : editors.addableTypes()) {
            Button b = new Button("Add " + CellCard.label(type).toLowerCase(Locale.ROOT), VaadinIcon.PLUS.create(),
                    e -> addCell(editors.newCell(type, CellIds.nextFor(document), document)));
            b.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            addBar.add(b);
        }
        return addBar;
    }

    private void load(Notebook nb) {
        this.notebook = nb;
        this.document = nb.document();
        this.version = nb.version();
        title.setValue(document.title());
        title.setReadOnly(nb.readOnly());
        addBar.setVisible(!nb.readOnly());
        configureBanner();
        sharing.setVisible(!nb.readOnly());
        if (!nb.readOnly()) {
            sharing.show(nb, owner, this::currentNotebook);
        }
        export.setHref(new StreamResource(NotebookService.fileName(document.title()), () -> new ByteArrayInputStream(
                app.exportFile(currentNotebook()).getBytes(StandardCharsets.UTF_8))));
        saveState.setText(nb.readOnly() ? "Read-only example" : "Saved");
        renderCells(Set.of(), nb.outputs()); // just read: no second read of the outputs
    }

    private Notebook currentNotebook() {
        if (notebook.readOnly()) {
            return notebook;
        }
        return app.find(notebook.id(), owner).orElse(notebook);
    }

    private void configureBanner() {
        banner.removeAll();
        banner.setVisible(notebook.readOnly());
        if (!notebook.readOnly()) {
            return;
        }
        banner.addClassNames("example-banner", LumoUtility.Background.PRIMARY_10, LumoUtility.Padding.MEDIUM,
                LumoUtility.BorderRadius.MEDIUM);
        Button copy = new Button("Edit a copy", VaadinIcon.COPY.create(), e -> copyExample());
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        copy.setId("edit-copy");
        banner.add(new Span("This is an example: read-only, with its results already computed. Editing it makes"
                + " your own copy; the example stays as it is. "), copy);
    }

    private void copyExample() {
        String name = notebook.id().substring(notebook.id().indexOf(':') + 1);
        Notebook copy = app.copyExample(name, owner);
        Notification.show("Your copy of \"" + copy.title() + "\" — edits are saved to it")
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate(NotebookView.class, params(copy.id())));
    }

    /**
     * Builds a card per cell. Collapsed parts (a scenario's forms) stay collapsed, and so unbuilt, except in the
     * cells whose ids are given and those the user had opened before this re-render.
     */
    private void renderCells(Set<String> expand, Map<String, CellOutput> outputs) {
        long t0 = System.nanoTime();
        Set<String> open = new HashSet<>(expand);
        cards().stream().filter(c -> c.editor().expanded()).forEach(c -> open.add(c.cellId()));
        column.removeAll();
        presenters.clear();
        if (analysisPresenter != null) {
            analysisPresenter.detach();
        }
        OpenNotebook opened = new OpenNotebook(app, notebook.readOnly() ? null : notebook.id(), owner, () -> document);
        analysisPresenter = new AnalysisPresenter(opened, () -> currentNotebook().outputs(), this::cards);
        for (Cell cell : document.cells()) {
            CellEditor<?> editor = editors.editorFor(cell, document);
            CellCard card = new CellCard(cell, editor);
            editor.addChangedListener(e -> cellEdited(e.getCell()));
            if (editor instanceof ExperimentCellEditor ex) {
                presenters.add(new ExperimentCellPresenter(opened, ex, this::cellEdited, jobs, outputs.get(cell.id())));
            }
            card.addActionListener(e -> act(card.cellId(), e.getAction()));
            card.setReadOnly(notebook.readOnly());
            analysisPresenter.register(card, outputs.get(cell.id()));
            column.add(card);
            if (open.contains(cell.id())) {
                editor.expand();
            }
        }
        runAll.setVisible(!notebook.readOnly());
        long t1 = System.nanoTime();
        analysisPresenter.refresh(outputs);
        renderTimes = "cards " + (t1 - t0) / 1_000_000 + " ms, staleness and choices " + (System.nanoTime() - t1) / 1_000_000 + " ms";
        if (document.cells().isEmpty()) {
            Div empty = new Div(new Span("No cells yet. Add a note, a scenario or an experiment below."));
            empty.addClassName("empty-state");
            column.add(empty);
        }
    }

    /** A cell's inputs changed: save, and let experiment cells see new scenarios and update their preview. */
    private void cellEdited(Cell cell) {
        if (!edit(document.replace(cell))) {
            return;
        }
        column.getChildren().filter(CellCard.class::isInstance).map(c -> ((CellCard) c).editor())
                .filter(ExperimentCellEditor.class::isInstance).map(ExperimentCellEditor.class::cast)
                .forEach(ex -> ex.setScenarioCells(document.scenarioCells()));
        presenters.forEach(ExperimentCellPresenter::refreshPreview);
        analysisPresenter.refresh();
    }

    private List<CellCard> cards() {
        return column.getChildren().filter(CellCard.class::isInstance).map(CellCard.class::cast).toList();
    }

    /** Runs the stale and not-yet-run cells top to bottom, in the background; the run's events update the view. */
    private void runAllCells() {
        if (analysisPresenter.toRun().isEmpty()) {
            Notification.show("Every cell is up to date");
            return;
        }
        try {
            app.runAll(notebook.id(), owner).ifPresentOrElse(this::showRunning,
                    () -> Notification.show("Every cell is up to date, or a run of them is going on"));
        } catch (NotebookNotFoundException e) {
            Notification.show("Not run: this notebook no longer exists").addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Listens to this notebook's "Run all" runs while the view is attached (a stored notebook only). */
    private void followRuns(UI ui) {
        stopFollowingRuns();
        if (notebook.readOnly()) {
            return;
        }
        String id = notebook.id();
        runEvents = app.subscribeRuns(id, e -> ui.access(() -> {
            if (notebook.id().equals(e.notebookId())) {
                onRunEvent(e);
            }
        }));
        app.runningRunAll(id).ifPresentOrElse(run -> showRunning(new NotebookRunStarted(run, id, List.of())),
                this::showRunAllIdle);
    }

    private void stopFollowingRuns() {
        if (runEvents != null) {
            runEvents.run();
            runEvents = null;
        }
    }

    private void onRunEvent(NotebookRunEvent event) {
        if (event instanceof NotebookRunStarted s) {
            showRunning(s);
        } else if (event instanceof NotebookRunExperimentStarted s) {
            experimentStarted(s);
        } else if (event instanceof NotebookRunProgressed p) {
            runAll.showRunning(p.total() - p.done());
            analysisPresenter.ranCell(p);
        } else if (event instanceof NotebookRunFinished f) {
            showRunAllIdle();
            analysisPresenter.refresh();
            if (f.message() != null) {
                Notification.show("Run all stopped: " + f.message()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            } else if (f.cancelled()) {
                int left = f.total() - f.done();
                Notification.show("Run all cancelled: " + left + " of " + f.total() + " cell" + (f.total() == 1 ? "" : "s")
                        + " not run");
            }
        }
    }

    /**
     * "Run all" saved an experiment cell with its new experiment: the view moves to that version when it was at the
     * one the save was made on (otherwise the notebook changed elsewhere, and the next save says so).
     */
    private void experimentStarted(NotebookRunExperimentStarted s) {
        if (version == s.previousVersion()) {
            version = s.version();
            document = document.replace(s.cell());
        }
        presenters.stream().filter(p -> p.cellId().equals(s.cell().id())).findFirst()
                .ifPresent(p -> p.started(s.cell(), s.progress()));
        analysisPresenter.refresh();
    }

    private void cancelRunAll() {
        if (runAllId != null) {
            app.cancelRunAll(runAllId);
        }
    }

    private void showRunning(NotebookRunStarted s) {
        runAllId = s.runId();
        runAll.showRunning(s.cellIds().isEmpty() ? -1 : s.cellIds().size());
    }

    private void showRunAllIdle() {
        runAllId = null;
        runAll.showIdle();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (notebook != null && runEvents == null) {
            followRuns(attachEvent.getUI());
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        stopFollowingRuns();
        if (analysisPresenter != null) {
            analysisPresenter.detach();
        }
    }

    private void act(String cellId, CellCard.Action action) {
        switch (action) {
            case MOVE_UP -> structural(document.move(cellId, -1));
            case MOVE_DOWN -> structural(document.move(cellId, 1));
            case DUPLICATE -> structural(document.duplicate(cellId, CellIds.nextFor(document)));
            case DELETE -> {
                boolean hasResults = document.cell(cellId).filter(ExperimentCell.class::isInstance)
                        .map(c -> ((ExperimentCell) c).lastExperimentId()).isPresent();
                if (!hasResults) {
                    structural(document.remove(cellId));
                    return;
                }
                ConfirmDialog confirm = new ConfirmDialog();
                confirm.setHeader("Delete this experiment cell?");
                confirm.setText("Its runs and results are deleted for good (a running experiment is cancelled first)."
                        + " This cannot be undone.");
                confirm.setCancelable(true);
                confirm.setConfirmText("Delete");
                confirm.setConfirmButtonTheme("error primary");
                // saving the document without the cell cancels and deletes the cell's experiments (NotebookService.save)
                confirm.addConfirmListener(e -> structural(document.remove(cellId)));
                confirm.open();
            }
        }
    }

    /** Adds a cell at the end, its editor open (a new scenario shows its form at once). */
    private void addCell(Cell cell) {
        structural(document.append(cell), Set.of(cell.id()));
    }

    private void structural(NotebookDocument next) {
        structural(next, Set.of());
    }

    private void structural(NotebookDocument next, Set<String> expand) {
        if (edit(next)) {
            renderCells(expand, currentNotebook().outputs());
        }
    }

    /** Saves an edited document; true if it was saved. */
    private boolean edit(NotebookDocument next) {
        if (notebook.readOnly()) {
            return false;
        }
        try {
            version = app.save(notebook.id(), next, version, owner);
            document = next;
            saveState.setText("Saved " + LocalTime.now().format(HHMMSS));
            saveState.getElement().setAttribute("data-state", "saved");
            return true;
        } catch (NotebookConflictException | NotebookNotFoundException ex) {
            saveState.setText("Not saved");
            saveState.getElement().setAttribute("data-state", "conflict");
            Notification n = new Notification();
            Button reload = new Button("Reload", e -> getUI().ifPresent(ui -> ui.getPage().reload()));
            n.add(new Span(ex instanceof NotebookConflictException
                    ? "Not saved: this notebook was changed in another tab or window. Reload to see the latest version."
                    : "Not saved: this notebook no longer exists."), reload);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setDuration(0);
            n.open();
            return false;
        }
    }
}
