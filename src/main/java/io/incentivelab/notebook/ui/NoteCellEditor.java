package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.Markdown;
import io.incentivelab.notebook.NoteCell;
import io.incentivelab.notebook.NotebookCodec;

/**
 * A note: Markdown in a text area while editing, rendered (sanitised, {@link Markdown}) otherwise.
 * Shift+Enter or "Done" shows the rendering; "Edit" or a click on an empty note opens the text again.
 */
class NoteCellEditor extends Div implements CellEditor {

    private final TextArea text = new TextArea();
    private final Div preview = new Div();
    private final Button toggle = new Button();
    private NoteCell cell;
    private boolean editing;
    private boolean readOnly;

    NoteCellEditor(NoteCell cell) {
        this.cell = cell;
        addClassName("note-cell");
        setWidthFull();
        configureText();
        preview.addClassName("note-preview");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.addClickListener(e -> setEditing(!editing));
        toggle.addClassName("note-toggle");
        add(text, preview, toggle);
        text.setValue(cell.markdown());
        render();
        setEditing(cell.markdown().isBlank());
    }

    private void configureText() {
        text.setWidthFull();
        text.setMinHeight("8em");
        text.setPlaceholder("Write Markdown: # heading, *emphasis*, lists, [links](https://…). Shift+Enter to show it.");
        text.setAriaLabel("Note (Markdown)");
        text.setMaxLength(NotebookCodec.MAX_MARKDOWN);
        text.setValueChangeMode(ValueChangeMode.TIMEOUT);
        text.setValueChangeTimeout(400);
        text.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                cell = cell.withMarkdown(e.getValue());
                render();
                CellEditor.fireChanged(this, cell);
            }
        });
    }

    private void render() {
        String html = Markdown.toSafeHtml(cell.markdown());
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
    public Component component() {
        return this;
    }

    @Override
    public void run() {
        if (editing) {
            cell = cell.withMarkdown(text.getValue());
            render();
            CellEditor.fireChanged(this, cell);
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
    public void show(Cell newCell) {
        this.cell = (NoteCell) newCell;
        text.setValue(cell.markdown());
        render();
    }
}
