package io.incentivelab.notebook.ui;

import com.vaadin.flow.spring.annotation.SpringComponent;
import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.CellType;
import io.incentivelab.notebook.NoteCell;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookDocument;
import java.util.List;

/** Makes new cells of each kind and the editor for a cell. */
@SpringComponent
class CellEditors {

    /** The kinds the add bar offers, in order. */
    List<CellType> addableTypes() {
        return List.of(CellType.NOTE);
    }

    /** A new cell of a kind, with sensible starting inputs. */
    Cell newCell(CellType type, String id, NotebookDocument document) {
        return switch (type) {
            case NOTE -> new NoteCell(id, "");
            default -> throw new IllegalArgumentException("cannot add a " + type + " cell yet");
        };
    }

    /** The editor for a cell. */
    CellEditor editorFor(Cell cell, Notebook notebook, NotebookDocument document) {
        if (cell instanceof NoteCell n) {
            return new NoteCellEditor(n);
        }
        return new UnsupportedCellEditor(cell);
    }
}
