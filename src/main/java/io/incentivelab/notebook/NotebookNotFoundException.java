package io.incentivelab.notebook;

/** No notebook has this id (or it was deleted). */
public class NotebookNotFoundException extends RuntimeException {
    public NotebookNotFoundException(String id) {
        super("no notebook " + id);
    }
}
