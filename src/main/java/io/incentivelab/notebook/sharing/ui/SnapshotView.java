package io.incentivelab.notebook.sharing.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookCodec;
import io.incentivelab.notebook.NotebookNotFoundException;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.sharing.NotebookReport;
import io.incentivelab.notebook.sharing.ResultExports;
import io.incentivelab.notebook.sharing.Snapshot;
import io.incentivelab.notebook.sharing.SnapshotService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A share link, {@code /s/{token}}: the frozen notebook, read-only, rendered from the snapshot without
 * running anything. There is nothing here that changes it: no editors, no run buttons; "Fork" makes a new
 * notebook of the viewer's own. An unknown or revoked token shows the app's one not-found page (404).
 */
@Route("s/:token")
public class SnapshotView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SnapshotService snapshots;
    private final ResultExports exports;
    private String token;
    private Snapshot snapshot;

    public SnapshotView(SnapshotService snapshots, ResultExports exports) {
        this.snapshots = snapshots;
        this.exports = exports;
        addClassName("snapshot-view");
        setMaxWidth("1200px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        var found = snapshots.open(token);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        snapshot = found.get();
        removeAll();
        H2 heading = new H2(snapshot.title());
        heading.addClassName("snapshot-title");
        add(heading, configureBanner(), configureBody());
    }

    @Override
    public String getPageTitle() {
        return (snapshot == null ? "Shared notebook" : snapshot.title()) + " · Incentive Lab";
    }

    private Div configureBanner() {
        Div banner = new Div();
        banner.addClassNames("snapshot-banner", LumoUtility.Background.CONTRAST_5, LumoUtility.Padding.MEDIUM,
                LumoUtility.BorderRadius.MEDIUM);
        banner.setWidthFull();
        String engine = SnapshotService.currentEngine();
        Paragraph what = new Paragraph("A read-only snapshot, frozen " + NotebookReport.when(snapshot.createdAt())
                + " with " + snapshot.engine() + ". Its results are shown as they were; nothing here re-runs or"
                + " changes it. Fork it to get an editable copy of your own.");
        banner.add(what);
        if (!engine.equals(snapshot.engine())) {
            Paragraph differs = new Paragraph("This server runs " + engine + ", not " + snapshot.engine()
                    + ": re-running a fork may give different numbers.");
            differs.addClassName("engine-differs");
            banner.add(differs);
        }
        Button fork = new Button("Fork", VaadinIcon.COPY.create(), e -> fork());
        fork.setId("fork");
        fork.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        String base = NotebookService.fileName(snapshot.title()).replace(".notebook.json", "");
        Anchor report = download("Report (HTML)", base + ".html", "text/html", () -> NotebookReport.page(snapshot.file(),
                "Snapshot of " + NotebookReport.when(snapshot.createdAt()) + ", " + snapshot.engine(), snapshot.seeds(),
                snapshot.scenarioHashes()));
        report.addClassName("report-link");
        Anchor json = download("Notebook JSON", base + ".notebook.json", "application/json",
                () -> NotebookCodec.writeFile(snapshot.file()));
        json.addClassName("json-link");
        HorizontalLayout actions = new HorizontalLayout(fork, report, json);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        banner.add(actions, new ResultDownloads(snapshot::file, exports));
        return banner;
    }

    private Html configureBody() {
        Html body = new Html("<div class=\"snapshot-body\">" + NotebookReport.body(snapshot.file(), snapshot.seeds(),
                snapshot.scenarioHashes()) + "</div>");
        return body;
    }

    private void fork() {
        try {
            Notebook nb = snapshots.fork(token, CurrentOwner.get());
            String engine = SnapshotService.currentEngine();
            Notification.show("Your fork of \"" + nb.title() + "\" — edits are saved to it. Running an experiment"
                    + " cell reruns it exactly (same seeds)" + (engine.equals(snapshot.engine()) ? "."
                    : "; but this server runs " + engine + ", not " + snapshot.engine() + ", so numbers may differ."))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(Notebook.location(nb.id())));
        } catch (NotebookNotFoundException e) {
            Notification.show("This link was revoked; there is nothing to fork.").addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    static Anchor download(String text, String fileName, String type, Supplier<String> content) {
        StreamResource r = new StreamResource(fileName, () -> new ByteArrayInputStream(content.get().getBytes(StandardCharsets.UTF_8)));
        r.setContentType(type + ";charset=utf-8");
        Anchor a = new Anchor(r, text);
        a.getElement().setAttribute("download", true);
        return a;
    }
}
