package io.incentivelab.notebook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The inputs of a notebook: a title and a column of typed cells, in the versioned format {@link #FORMAT_VERSION}.
 * Immutable; every edit returns a new document. Outputs are not part of it ({@link CellOutput}).
 */
public record NotebookDocument(int formatVersion, String title, List<Cell> cells) {

    /** The format this app writes; older files are upgraded by {@link NotebookUpgrader}. */
    public static final int FORMAT_VERSION = 1;
    /** Most characters in a title. */
    public static final int MAX_TITLE = 200;
    /** Most cells in a notebook. */
    public static final int MAX_CELLS = 200;

    public NotebookDocument {
        Objects.requireNonNull(title, "title");
        cells = List.copyOf(cells);
        Set<String> ids = new HashSet<>();
        for (Cell c : cells) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("duplicate cell id " + c.id());
            }
        }
    }

    /** An empty notebook with a title. */
    public static NotebookDocument empty(String title) {
        return new NotebookDocument(FORMAT_VERSION, title, List.of());
    }

    public NotebookDocument withTitle(String newTitle) {
        return new NotebookDocument(formatVersion, newTitle, cells);
    }

    public Optional<Cell> cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public int indexOf(String id) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds a cell at the end. */
    public NotebookDocument append(Cell cell) {
        return insert(cells.size(), cell);
    }

    /** Adds a cell at a position (0 = top). */
    public NotebookDocument insert(int index, Cell cell) {
        if (cells.size() >= MAX_CELLS) {
            throw new IllegalStateException("a notebook holds at most " + MAX_CELLS + " cells");
        }
        List<Cell> next = new ArrayList<>(cells);
        next.add(Math.max(0, Math.min(index, next.size())), cell);
        return new NotebookDocument(formatVersion, title, next);
    }

    /** Replaces the cell with the same id. */
    public NotebookDocument replace(Cell cell) {
        int i = requireIndex(cell.id());
        List<Cell> next = new ArrayList<>(cells);
        next.set(i, cell);
        return new NotebookDocument(formatVersion, title, next);
    }

    /** Removes a cell. */
    public NotebookDocument remove(String id) {
        int i = requireIndex(id);
        List<Cell> next = new ArrayList<>(cells);
        next.remove(i);
        return new NotebookDocument(formatVersion, title, next);
    }

    /** Moves a cell by {@code delta} places (−1 up, +1 down), clamped to the ends. */
    public NotebookDocument move(String id, int delta) {
        int i = requireIndex(id);
        int j = Math.max(0, Math.min(cells.size() - 1, i + delta));
        if (i == j) {
            return this;
        }
        List<Cell> next = new ArrayList<>(cells);
        Cell c = next.remove(i);
        next.add(j, c);
        return new NotebookDocument(formatVersion, title, next);
    }

    /** Inserts a copy of a cell (new id) right below it. */
    public NotebookDocument duplicate(String id, String newId) {
        int i = requireIndex(id);
        return insert(i + 1, cells.get(i).withId(newId));
    }

    /** The scenario cells, in order. */
    public List<ScenarioCell> scenarioCells() {
        return cells.stream().filter(ScenarioCell.class::isInstance).map(ScenarioCell.class::cast).toList();
    }

    private int requireIndex(String id) {
        int i = indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("no cell " + id);
        }
        return i;
    }
}
