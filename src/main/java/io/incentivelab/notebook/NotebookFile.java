package io.incentivelab.notebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A notebook as one file ({@code *.notebook.json}): the document and its stored outputs by cell id.
 * Outputs whose cell no longer exists are dropped.
 */
public record NotebookFile(NotebookDocument document, Map<String, CellOutput> outputs) {

    public NotebookFile {
        // in the document's cell order, whatever order they were read in (file, database), so that an export
        // of the same notebook is the same bytes
        Map<String, CellOutput> kept = new LinkedHashMap<>();
        for (Cell c : document.cells()) {
            CellOutput out = outputs.get(c.id());
            if (out != null) {
                kept.put(c.id(), out);
            }
        }
        outputs = Collections.unmodifiableMap(kept);
    }
}
