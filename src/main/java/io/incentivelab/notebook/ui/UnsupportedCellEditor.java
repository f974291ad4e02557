package io.incentivelab.notebook.ui;

import io.incentivelab.notebook.Cell;
import java.util.Locale;

/** Stands in for a kind of cell this build cannot edit yet; the cell is kept as it is. */
class UnsupportedCellEditor extends CellEditor<Cell> {

    UnsupportedCellEditor(Cell cell) {
        super(cell, "unsupported-cell");
        setText("This " + cell.type().name().toLowerCase(Locale.ROOT) + " cell cannot be edited here yet;"
                + " it is kept unchanged.");
    }

    @Override
    protected void showCell() {
    }

    @Override
    void run() {
    }

    @Override
    void setReadOnly(boolean readOnly) {
    }
}
