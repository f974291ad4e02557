package io.incentivelab.notebook;

import io.incentivelab.experiment.ExperimentProgress;

/**
 * A "Run all" started an experiment cell's experiment and saved the cell with its id.
 *
 * @param cell            the cell as saved, {@link ExperimentCell#lastExperimentId()} the new experiment
 * @param previousVersion the notebook's version the save was made on
 * @param version         the version after the save (a view at {@code previousVersion} may move to it)
 */
public record NotebookRunExperimentStarted(String runId, String notebookId, ExperimentCell cell,
        ExperimentProgress progress, long previousVersion, long version) implements NotebookRunEvent {
}
