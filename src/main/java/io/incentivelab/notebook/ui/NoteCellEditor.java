package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import io.incentivelab.notebook.Markdown;
import io.incentivelab.notebook.NoteCell;
import io.incentivelab.notebook.NotebookCodec;

/**
 * A note: Markdown in a text area while editing, rendered (sanitised, {@link Markdown}) otherwise.
 * Shift+Enter or "Done" shows the rendering; "Edit" or a click on an empty note opens the text again.
 */
class NoteCellEditor extends CellEditor<NoteCell> {

    private final TextArea text = new TextArea();
    private final Div preview = new Div();
    private final Button toggle = new Button();
    private boolean editing;
    private boolean readOnly;

    NoteCellEditor(NoteCell cell) {
        super(cell, "note-cell");
        configureText();
        preview.addClassName("note-preview");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.addClickListener(e -> setEditing(!editing));
        toggle.addClassName("note-toggle");
        add(text, preview, toggle);
        text.setValue(cell().markdown());
        render();
        setEditing(cell().markdown().isBlank());
    }

    private void configureText() {
        text.setWidthFull();
        text.setMinHeight("8em");
        text.setPlaceholder("Write Markdown: # heading, *emphasis*, lists, [links](https://…). Shift+Enter to show it.");
        text.setAriaLabel("Note (Markdown)");
        text.setMaxLength(NotebookCodec.MAX_MARKDOWN);
        TextInputs.onPause(text, 400, markdown -> {
            setCell(cell().withMarkdown(markdown));
            render();
            fireChanged();
        });
    }

    private void render() {
        String html = Markdown.toSafeHtml(cell().markdown());
        preview.getElement().setProperty("innerHTML", html.isBlank() && !readOnly
                ? "<p class=\"note-empty\">Empty note — click Edit to write.</p>" : html);
    }

    private void setEditing(boolean on) {
        editing = on && !readOnly;
        text.setVisible(editing);
        toggle.setText(editing ? "Done" : "Edit");
        toggle.setIcon(editing ? VaadinIcon.CHECK.create() : VaadinIcon.EDIT.create());
        toggle.setVisible(!readOnly);
        if (editing) {
            text.focus();
        }
    }

    @Override
    public void run() {
        if (editing) {
            setCell(cell().withMarkdown(text.getValue()));
            render();
            fireChanged();
        }
        setEditing(false);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        render();
        setEditing(editing);
    }

    @Override
    protected void showCell() {
        text.setValue(cell().markdown());
        render();
    }
}
