package io.incentivelab.notebook.sharing;

import io.incentivelab.notebook.NotebookFile;
import java.time.Instant;
import java.util.Map;

/**
 * A frozen notebook behind a share link: the document and every cell output as they were, plus a manifest of
 * what reproducing it needs. Never changed after it is made.
 *
 * @param id             the hash of the link's token (the owner's handle for revoking; not the token)
 * @param notebookId     the notebook it was made from
 * @param engine         the engine version of this server when the snapshot was made
 * @param seeds          base seed per experiment cell id
 * @param scenarioHashes SHA-256 of each scenario cell's JSON, by cell id
 */
public record Snapshot(String id, String notebookId, NotebookFile file, String engine, Map<String, Long> seeds,
        Map<String, String> scenarioHashes, Instant createdAt) {

    public Snapshot {
        seeds = Map.copyOf(seeds);
        scenarioHashes = Map.copyOf(scenarioHashes);
    }

    public String title() {
        return file.document().title();
    }
}
