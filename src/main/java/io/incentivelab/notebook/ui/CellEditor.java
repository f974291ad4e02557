package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import io.incentivelab.notebook.Cell;

/**
 * The editor of one kind of cell. It knows no services: it shows its cell, fires {@link ChangedEvent} with the
 * edited cell and {@link RunRequestedEvent} when the user asks to run it (Shift+Enter, or its button), and is told
 * to show a cell changed elsewhere or to become read-only.
 *
 * @param <C> the kind of cell
 */
abstract class CellEditor<C extends Cell> extends Div {

    private C cell;

    /** @param className the editor's CSS class, e.g. {@code note-cell} */
    CellEditor(C cell, String className) {
        this.cell = cell;
        addClassName(className);
        setWidthFull();
    }

    /** The cell as edited now. */
    C cell() {
        return cell;
    }

    /** Shows a cell that changed outside the editor (e.g. a run recorded its experiment id). */
    @SuppressWarnings("unchecked")
    final void show(Cell changed) {
        this.cell = (C) changed;
        showCell();
    }

    /** Puts {@link #cell()} into the inputs, after {@link #show}. */
    protected abstract void showCell();

    /**
     * Runs the cell (Shift+Enter anywhere in its card): by default asks the notebook to, with a
     * {@link RunRequestedEvent}. A note renders itself instead, a scenario validates itself.
     */
    void run() {
        requestRun();
    }

    abstract void setReadOnly(boolean readOnly);

    /**
     * Opens the parts of the editor that are collapsed (and built lazily) until the user opens them, e.g. a
     * scenario's forms. Editors with nothing collapsed ignore it.
     */
    void expand() {
    }

    /** Whether the user opened the collapsed parts ({@link #expand()}); kept when the notebook re-renders. */
    boolean expanded() {
        return false;
    }

    /** Replaces the cell without telling anyone (follow with {@link #fireChanged()} once the editor shows it). */
    protected void setCell(C next) {
        this.cell = next;
    }

    /** Tells the notebook the user edited the cell: {@link #cell()} is the whole new cell. */
    protected void fireChanged() {
        fireEvent(new ChangedEvent(this, cell));
    }

    /** The cell's inputs in a row that wraps, aligned on their baselines. */
    static HorizontalLayout inputRow(Component... inputs) {
        HorizontalLayout row = new HorizontalLayout(inputs);
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    /** The bar below the inputs: {@code run} (the primary button, it runs the cell), then the parts beside it. */
    HorizontalLayout runBar(Button run, Component... beside) {
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> run());
        HorizontalLayout bar = new HorizontalLayout(run);
        bar.add(beside);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return bar;
    }

    /** Makes inputs read-only or editable. */
    static void readOnly(boolean readOnly, HasValue<?, ?>... inputs) {
        for (HasValue<?, ?> input : inputs) {
            input.setReadOnly(readOnly);
        }
    }

    protected void requestRun() {
        fireEvent(new RunRequestedEvent(this));
    }

    Registration addChangedListener(ComponentEventListener<ChangedEvent> listener) {
        return addListener(ChangedEvent.class, listener);
    }

    Registration addRunRequestedListener(ComponentEventListener<RunRequestedEvent> listener) {
        return addListener(RunRequestedEvent.class, listener);
    }

    /** The user edited the cell; {@link #getCell()} is the whole new cell. */
    static class ChangedEvent extends ComponentEvent<CellEditor<?>> {
        private final Cell cell;

        ChangedEvent(CellEditor<?> source, Cell cell) {
            super(source, false);
            this.cell = cell;
        }

        Cell getCell() {
            return cell;
        }
    }

    /** The user asked to run the cell: start the experiment, draw the chart, compute the comparison. */
    static class RunRequestedEvent extends ComponentEvent<CellEditor<?>> {
        RunRequestedEvent(CellEditor<?> source) {
            super(source, false);
        }
    }
}
