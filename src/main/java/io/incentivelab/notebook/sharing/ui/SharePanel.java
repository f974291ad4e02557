package io.incentivelab.notebook.sharing.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.OwnerKey;
import io.incentivelab.notebook.app.NotebookApplicationService;
import io.incentivelab.notebook.sharing.NotebookReport;
import io.incentivelab.notebook.sharing.SharedLink;
import io.incentivelab.notebook.sharing.SnapshotService;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The owner's sharing controls in a notebook: make a read-only share link (an immutable snapshot), list and
 * revoke the links made, make a private edit link for another browser, and download a standalone report.
 * A new link's token is shown once: only its hash is stored.
 */
public class SharePanel extends Details {

    private final NotebookApplicationService app;
    private final TextField shareLink = new TextField("Share link (read-only; copy it now, it is shown once)");
    private final TextField editLink = new TextField("Edit link (private: whoever opens it may edit this notebook)");
    private final Div links = new Div();
    private String origin = "";
    private String notebookId;
    private OwnerKey owner;

    public SharePanel(NotebookApplicationService app) {
        this.app = app;
        addClassName("share-panel");
        setSummaryText("Share and export");
        setWidthFull();
        shareLink.addClassName("share-link");
        shareLink.setReadOnly(true);
        shareLink.setWidth("min(50em, 100%)");
        shareLink.setVisible(false);
        editLink.addClassName("edit-link");
        editLink.setReadOnly(true);
        editLink.setWidth("min(50em, 100%)");
        editLink.setVisible(false);
        shareLink.setSuffixComponent(copyButton(shareLink, "Copy share link"));
        editLink.setSuffixComponent(copyButton(editLink, "Copy edit link"));
        links.addClassName("share-links");
    }

    /** Shows the controls for a notebook the caller may edit; {@code current} reads it as stored now. */
    public void show(Notebook notebook, OwnerKey owner, Supplier<Notebook> current) {
        this.notebookId = notebook.id();
        this.owner = owner;
        removeAll();
        Button share = new Button("Share snapshot", VaadinIcon.LINK.create(), e -> share());
        share.setId("share");
        share.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button edit = new Button("New edit link", VaadinIcon.KEY.create(), e -> newEditLink());
        edit.setId("new-edit-link");
        var report = SnapshotView.download("Report (HTML)", NotebookService.fileName(notebook.title())
                .replace(".notebook.json", ".html"), "text/html", () -> {
                    Notebook nb = current.get();
                    return NotebookReport.page(nb.toFile(), "Notebook report, " + NotebookReport.when(Instant.now())
                            + ", " + SnapshotService.currentEngine(), Map.of(), Map.of());
                });
        report.addClassName("report-link");
        HorizontalLayout bar = new HorizontalLayout(share, edit, report);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(bar, new ResultDownloads(() -> current.get().toFile(), null), shareLink, editLink, links);
        refreshLinks();
    }

    /** A button in a link field that copies the link to the clipboard (selecting it where the clipboard API is absent). */
    private static Button copyButton(TextField field, String label) {
        Button copy = new Button(VaadinIcon.COPY.create());
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        copy.setAriaLabel(label);
        copy.setTooltipText(label);
        copy.addClassName("copy-link");
        copy.addClickListener(e -> copy.getElement().executeJs("""
                const text = $0, input = $1.inputElement;
                const fallback = () => { input.select(); return document.execCommand('copy'); };
                return navigator.clipboard ? navigator.clipboard.writeText(text).then(() => true, fallback) : fallback();""",
                field.getValue(), field.getElement()).then(Boolean.class, ok -> Notification.show(Boolean.TRUE.equals(ok)
                        ? "Link copied" : "Could not copy: select the link and copy it"), err -> Notification.show(
                        "Could not copy: select the link and copy it")));
        return copy;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().fetchCurrentURL(url -> origin = url.getProtocol() + "://" + url.getAuthority());
    }

    private void share() {
        SharedLink link = app.share(notebookId, owner);
        shareLink.setValue(origin + link.path());
        shareLink.setVisible(true);
        setOpened(true);
        refreshLinks();
    }

    private void newEditLink() {
        editLink.setValue(origin + "/claim/" + app.newEditLink(notebookId, owner));
        editLink.setVisible(true);
        Notification.show("A new edit link; any earlier one no longer works");
    }

    private void refreshLinks() {
        links.removeAll();
        var all = app.links(notebookId, owner);
        if (all.isEmpty()) {
            links.add(new Span("No share links yet."));
            return;
        }
        for (SharedLink l : all) {
            Span what = new Span("Snapshot of \"" + l.title() + "\", " + NotebookReport.when(l.createdAt())
                    + " (id " + l.id().substring(0, 8) + ")");
            Button revoke = new Button("Revoke", e -> {
                app.revoke(l.id(), owner);
                Notification.show("Link revoked: it now shows \"not found or revoked\"");
                refreshLinks();
            });
            revoke.addClassName("revoke");
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout row = new HorizontalLayout(what, revoke);
            row.addClassName("share-link-row");
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            links.add(row);
        }
    }
}
