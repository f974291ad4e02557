package io.incentivelab.notebook;

/** A save that lost a race: the notebook changed since the version the editor loaded (optimistic concurrency). */
public class NotebookConflictException extends RuntimeException {
    public NotebookConflictException(String id) {
        super("notebook " + id + " was changed elsewhere since it was opened; reload it to continue");
    }
}
