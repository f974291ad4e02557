package io.incentivelab.experiment;

import java.util.Objects;

/**
 * The notebook cell an experiment was started from. Deleting the notebook, or removing the cell from it, deletes
 * the experiment and its runs; experiments started through the HTTP API have no origin.
 */
public record ExperimentOrigin(String notebookId, String cellId) {

    public ExperimentOrigin {
        Objects.requireNonNull(notebookId, "notebookId");
        Objects.requireNonNull(cellId, "cellId");
    }
}
