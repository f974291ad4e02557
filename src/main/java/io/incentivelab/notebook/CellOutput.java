package io.incentivelab.notebook;

/**
 * The stored output of one cell, kept apart from the document (nbformat style: regenerable data keyed by
 * the cell id). Written when a run ends; copied with the notebook, exported with it, and shown without
 * re-running (examples, later share snapshots). New kinds join the permitted list and {@link NotebookCodec}.
 */
public sealed interface CellOutput permits ExperimentOutput, ChartOutput, CompareOutput {

    /** The kind as written in the file, e.g. {@code experiment}. */
    String kind();
}
