package io.incentivelab.notebook;

/**
 * What a "Run all" of a notebook ({@link NotebookRunner}) tells its listeners, in this order: one
 * {@link NotebookRunStarted}, per cell an optional {@link NotebookRunExperimentStarted} then one
 * {@link NotebookRunProgressed}, and one {@link NotebookRunFinished}.
 */
public sealed interface NotebookRunEvent
        permits NotebookRunStarted, NotebookRunExperimentStarted, NotebookRunProgressed, NotebookRunFinished {

    /** The run's id (one "Run all"). */
    String runId();

    String notebookId();
}
