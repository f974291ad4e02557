package io.incentivelab.notebook;

import io.incentivelab.experiment.ExperimentOrigin;
import java.util.Optional;

/**
 * The notebook cell an experiment was started from, as the experiments service keeps it: an opaque
 * {@link ExperimentOrigin} whose group is the notebook id (deleting the notebook deletes its experiments) and whose
 * member is the cell id (a re-run of the cell supersedes its earlier experiments). Stored origins read back the
 * same way, so experiments stored before the tag was opaque keep their cell.
 */
record CellOrigin(String notebookId, String cellId) {

    /** The origin tag of this cell. */
    ExperimentOrigin tag() {
        return new ExperimentOrigin(notebookId, cellId);
    }

    /** The experiments group of a notebook: every experiment started from its cells. */
    static String group(String notebookId) {
        return notebookId;
    }

    /** The cell an origin tag names; empty if there is none. */
    static Optional<CellOrigin> parse(ExperimentOrigin origin) {
        return origin == null ? Optional.empty() : Optional.of(new CellOrigin(origin.group(), origin.member()));
    }
}
