package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import io.incentivelab.notebook.Cell;

/** Stands in for a kind of cell this build cannot edit yet; the cell is kept as it is. */
class UnsupportedCellEditor extends Div implements CellEditor {

    UnsupportedCellEditor(Cell cell) {
        setText("This " + cell.type().name().toLowerCase(java.util.Locale.ROOT) + " cell cannot be edited here yet;"
                + " it is kept unchanged.");
        addClassName("unsupported-cell");
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public void run() {
    }

    @Override
    public void setReadOnly(boolean readOnly) {
    }

    @Override
    public void show(Cell cell) {
    }
}
