package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.incentivelab.metagraph.InvalidMetagraphException;
import io.incentivelab.metagraph.MetagraphCodec;
import io.incentivelab.notebook.ExampleSummary;
import io.incentivelab.notebook.InvalidNotebookException;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.NotebookSummary;
import io.incentivelab.notebook.sharing.ui.CurrentOwner;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Home: the notebooks this browser may edit (nobody else's), the example notebooks, and create / import / delete. */
@Route("")
@PageTitle("Incentive Lab")
public class HomeView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final NotebookService notebooks;
    private final Div yours = new Div();

    public HomeView(NotebookService notebooks) {
        this.notebooks = notebooks;
        addClassName("home-view");
        setMaxWidth("1100px");
        add(new H2("Notebooks"), configureToolbar(), yours, configureExamples());
        yours.setWidthFull();
        refreshYours();
    }

    private Component configureToolbar() {
        Button create = new Button("New notebook", VaadinIcon.PLUS.create(), e -> {
            Notebook nb = notebooks.create("Untitled notebook", CurrentOwner.get());
            getUI().ifPresent(ui -> ui.navigate(NotebookView.class, NotebookView.params(nb.id())));
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-notebook");
        NotebookImport importer = new NotebookImport();
        importer.addImportListener(e -> importFile(importer, e.getContent()));
        NotebookImport metagraph = new NotebookImport("Import metagraph snapshot", "import-metagraph",
                MetagraphCodec.MAX_CHARS);
        metagraph.setTitle("A real subnet's state as a metagraph-snapshot/1 JSON file (docs/formats.md): it becomes a"
                + " notebook with the subnet as a scenario and an experiment that changes its reward curve");
        metagraph.addImportListener(e -> importMetagraph(metagraph, e.getContent()));
        HorizontalLayout bar = new HorizontalLayout(create, importer, metagraph);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private void importFile(NotebookImport importer, byte[] content) {
        try {
            opened(notebooks.importCopy(content, CurrentOwner.get()));
        } catch (InvalidNotebookException ex) {
            importer.showProblems(ex.problems());
        }
    }

    private void importMetagraph(NotebookImport importer, byte[] content) {
        try {
            opened(notebooks.importMetagraph(content, CurrentOwner.get()));
        } catch (InvalidMetagraphException ex) {
            importer.showLines(ex.problems().stream().map(p -> p.path() + ": " + p.message()).toList());
        }
    }

    /** Says that the notebook was imported and opens it. */
    private void opened(Notebook nb) {
        Notification.show("Imported \"" + nb.title() + "\"").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate(NotebookView.class, NotebookView.params(nb.id())));
    }

    private void refreshYours() {
        yours.removeAll();
        yours.add(new H3("Your notebooks"));
        var items = notebooks.listNotebooks(CurrentOwner.get());
        if (items.isEmpty()) {
            Paragraph empty = new Paragraph("No notebooks yet. Create one, import a notebook file or a real subnet's metagraph snapshot, or open an example below.");
            empty.addClassName("empty-state");
            yours.add(empty);
            return;
        }
        Grid<NotebookSummary> grid = new Grid<>();
        grid.addClassName("notebook-list");
        grid.addComponentColumn(n -> new RouterLink(n.title(), NotebookView.class, NotebookView.params(n.id())))
                .setHeader("Title").setFlexGrow(3);
        grid.addColumn(n -> WHEN.format(n.updatedAt())).setHeader("Changed").setAutoWidth(true);
        grid.addComponentColumn(this::deleteButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        yours.add(grid);
    }

    private Button deleteButton(NotebookSummary n) {
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(n));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + n.title());
        delete.setTooltipText("Delete");
        return delete;
    }

    private void confirmDelete(NotebookSummary n) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Delete \"" + n.title() + "\"?");
        dialog.setText("The notebook and its stored results are deleted for good. This cannot be undone.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Delete");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            notebooks.delete(n.id(), CurrentOwner.get());
            Notification.show("Deleted \"" + n.title() + "\"");
            refreshYours();
        });
        dialog.open();
    }

    private Component configureExamples() {
        Div section = new Div(new H3("Examples"),
                new Paragraph("Read-only notebooks with their results already computed. Open one to see the answer;"
                        + " edit it to make your own copy."));
        section.setWidthFull();
        Div cards = new Div();
        cards.addClassNames("example-cards", LumoUtility.Display.GRID, LumoUtility.Gap.MEDIUM);
        cards.getStyle().set("grid-template-columns", "repeat(auto-fill, minmax(18em, 1fr))");
        for (ExampleSummary ex : notebooks.listExamples()) {
            Div card = new Div(new RouterLink(ex.title(), NotebookView.class, NotebookView.exampleParams(ex.name())),
                    new Paragraph(ex.description()));
            card.addClassNames("example-card", LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10,
                    LumoUtility.BorderRadius.MEDIUM, LumoUtility.Padding.MEDIUM);
            cards.add(card);
        }
        if (notebooks.listExamples().isEmpty()) {
            cards.add(new Paragraph("No examples are installed."));
        }
        section.add(cards);
        return section;
    }
}
