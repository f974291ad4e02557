package io.incentivelab.notebook;

/**
 * A "Run all" is done with one cell.
 *
 * @param done    cells done so far, this one included
 * @param total   cells the run has
 * @param output  the cell's new output (stored), or null when it has none
 * @param message why the cell has no new output (it cannot run as it is); null otherwise
 */
public record NotebookRunProgressed(String runId, String notebookId, String cellId, int done, int total,
        CellOutput output, String message) implements NotebookRunEvent {
}
