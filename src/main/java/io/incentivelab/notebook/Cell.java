package io.incentivelab.notebook;

/**
 * One cell of a notebook: inputs only, with a stable id. Outputs live apart ({@link CellOutput}, keyed by
 * the cell id) and runtime state (running jobs, progress) is never a field of a cell.
 * New kinds (CHART, COMPARE) join the permitted list and {@link NotebookCodec}'s reader.
 */
public sealed interface Cell permits NoteCell, ScenarioCell, ExperimentCell, ChartCell, CompareCell {

    /** Stable id, unique within the notebook: 1–64 letters, digits, '_' or '-'. */
    String id();

    /** The kind as written in the file. */
    CellType type();

    /** The same inputs under another id (for "duplicate"). */
    Cell withId(String newId);
}
