package io.incentivelab.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Brings an older notebook file up to {@link NotebookDocument#FORMAT_VERSION} before it is read, one
 * version at a time: a step registered under version v turns a v document into a v + 1 document.
 * Version 1 is the first format, so there are no steps yet; a file from a newer app is refused.
 */
final class NotebookUpgrader {

    /** Steps by the version they upgrade from. */
    private static final Map<Integer, UnaryOperator<ObjectNode>> STEPS = Map.of();

    private NotebookUpgrader() {
    }

    /** The tree at the current format version; throws with a message naming {@code formatVersion}. */
    static ObjectNode upgrade(ObjectNode tree) {
        if (!tree.has("formatVersion")) {
            throw new InvalidNotebookException("$.formatVersion",
                    "is required (this app writes " + NotebookDocument.FORMAT_VERSION + ")");
        }
        if (!tree.get("formatVersion").canConvertToExactIntegral()) {
            String got = tree.get("formatVersion").toString();
            throw new InvalidNotebookException("$.formatVersion", "must be a whole number (got "
                    + (got.length() > 60 ? got.substring(0, 57) + "..." : got) + ")");
        }
        int version = tree.get("formatVersion").asInt();
        if (version > NotebookDocument.FORMAT_VERSION) {
            throw new InvalidNotebookException("$.formatVersion", "is " + version + ", newer than this app reads ("
                    + NotebookDocument.FORMAT_VERSION + "); update Incentive Lab to open it");
        }
        if (version < 1) {
            throw new InvalidNotebookException("$.formatVersion", "must be at least 1 (got " + version + ")");
        }
        ObjectNode current = tree;
        while (version < NotebookDocument.FORMAT_VERSION) {
            UnaryOperator<ObjectNode> step = STEPS.get(version);
            if (step == null) {
                throw new IllegalStateException("no upgrade from notebook format " + version);
            }
            current = step.apply(current.deepCopy());
            version++;
            current.put("formatVersion", version);
        }
        return current;
    }
}
