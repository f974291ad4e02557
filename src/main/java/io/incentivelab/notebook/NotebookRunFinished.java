package io.incentivelab.notebook;

/**
 * A "Run all" ended: every cell done, cancelled, or stopped by an error.
 *
 * @param done      cells done
 * @param cancelled whether it was cancelled before its last cell
 * @param message   why it stopped early on an error; null otherwise
 */
public record NotebookRunFinished(String runId, String notebookId, int done, int total, boolean cancelled,
        String message) implements NotebookRunEvent {
}
