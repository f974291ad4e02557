package io.incentivelab.notebook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A notebook as one file ({@code *.notebook.json}): the document and its stored outputs by cell id.
 * Outputs whose cell no longer exists are dropped.
 */
public record NotebookFile(NotebookDocument document, Map<String, CellOutput> outputs) {

    public NotebookFile {
        Map<String, CellOutput> kept = new LinkedHashMap<>();
        outputs.forEach((id, out) -> {
            if (document.indexOf(id) >= 0) {
                kept.put(id, out);
            }
        });
        outputs = java.util.Collections.unmodifiableMap(kept);
    }
}
