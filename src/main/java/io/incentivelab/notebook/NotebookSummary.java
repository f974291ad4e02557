package io.incentivelab.notebook;

import java.time.Instant;

/** One line of a notebook list. */
public record NotebookSummary(String id, String title, Instant updatedAt) {
}
