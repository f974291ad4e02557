package io.incentivelab.notebook;

import java.util.List;

/**
 * A "Run all" began.
 *
 * @param cellIds the cells it runs, top to bottom
 */
public record NotebookRunStarted(String runId, String notebookId, List<String> cellIds) implements NotebookRunEvent {

    public NotebookRunStarted {
        cellIds = List.copyOf(cellIds);
    }
}
