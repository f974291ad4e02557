package io.incentivelab.notebook;

import java.time.Instant;
import java.util.Map;

/**
 * A stored notebook: its document, its cell outputs, and the row's bookkeeping.
 *
 * @param id       the notebook's id (a UUID), or {@code example:<name>} for a read-only example
 * @param version  optimistic-concurrency version, raised by every save of the document
 * @param origin   the example it was copied from, if any
 * @param readOnly true for examples: editing makes a copy
 */
public record Notebook(String id, NotebookDocument document, Map<String, CellOutput> outputs, long version,
        String origin, Instant createdAt, Instant updatedAt, boolean readOnly) {

    /** The notebook view's route; views of other packages link to a notebook by {@link #location(String)}. */
    public static final String ROUTE = "notebooks/:id";

    public Notebook {
        outputs = Map.copyOf(outputs);
    }

    public String title() {
        return document.title();
    }

    /** Where the notebook view shows a stored notebook, relative to the app: {@code notebooks/{id}}. */
    public static String location(String id) {
        return ROUTE.replace(":id", id);
    }

    /** The document and outputs as one file. */
    public NotebookFile toFile() {
        return new NotebookFile(document, outputs);
    }
}
