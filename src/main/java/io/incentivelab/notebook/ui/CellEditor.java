package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.shared.Registration;
import io.incentivelab.notebook.Cell;

/**
 * The editor of one kind of cell. It knows no services: it shows a cell, fires {@link ChangedEvent} with the
 * edited cell, and is told to run (Shift+Enter) or to become read-only.
 */
interface CellEditor {

    /** The component to place in the cell's card. */
    Component component();

    /** Runs the cell: renders a note, validates a scenario, starts an experiment. */
    void run();

    void setReadOnly(boolean readOnly);

    /** Shows a cell that changed outside the editor (e.g. a run recorded its experiment id). */
    void show(Cell cell);

    /**
     * Opens the parts of the editor that are collapsed (and built lazily) until the user opens them, e.g. a
     * scenario's forms. Editors with nothing collapsed ignore it.
     */
    default void expand() {
    }

    /** Whether the user opened the collapsed parts ({@link #expand()}); kept when the notebook re-renders. */
    default boolean expanded() {
        return false;
    }

    default Registration addChangedListener(ComponentEventListener<ChangedEvent> listener) {
        return ComponentUtil.addListener(component(), ChangedEvent.class, listener);
    }

    /** Fires a change from an editor component. */
    static void fireChanged(Component source, Cell cell) {
        ComponentUtil.fireEvent(source, new ChangedEvent(source, cell));
    }

    /** The user edited the cell; {@link #getCell()} is the whole new cell. */
    class ChangedEvent extends ComponentEvent<Component> {
        private final Cell cell;

        ChangedEvent(Component source, Cell cell) {
            super(source, false);
            this.cell = cell;
        }

        Cell getCell() {
            return cell;
        }
    }
}
