package io.incentivelab.notebook.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The shapes of the notebooks API's bodies, for its OpenAPI description only (the controller reads and writes the
 * notebook file as text; docs/formats.md#notebook-files has the format).
 */
final class NotebookApiSchemas {

    private NotebookApiSchemas() {
    }

    @Schema(name = "NotebookFile", description = "A notebook file (`*.notebook.json`): the document and, on export,"
            + " the cells' outputs. Unknown fields and cell types are refused; every problem is reported with its JSON"
            + " path. Format: docs/formats.md#notebook-files.")
    record NotebookFile(
            @Schema(description = "Format version.", example = "1", requiredMode = Schema.RequiredMode.REQUIRED) int formatVersion,
            @Schema(maxLength = 200, example = "Reward curves and concentration") String title,
            @Schema(description = "At most 200 cells.", requiredMode = Schema.RequiredMode.REQUIRED) List<Cell> cells,
            @Schema(description = "Cell id → the output of its last run (ignored by a save).")
            Map<String, Map<String, Object>> outputs) {
    }

    @Schema(name = "NotebookCell", description = "One cell; the fields beside `id` and `type` depend on the type"
            + " (NOTE: markdown; SCENARIO: label, scenario; EXPERIMENT: label, scenarioCellIds, combine, axes,"
            + " replicates, seed, lastExperimentId; CHART and COMPARE: their analysis inputs).",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    record Cell(
            @Schema(example = "c-3fa9k2qx", requiredMode = Schema.RequiredMode.REQUIRED) String id,
            @Schema(allowableValues = {"NOTE", "SCENARIO", "EXPERIMENT", "CHART", "COMPARE"},
                    requiredMode = Schema.RequiredMode.REQUIRED) String type) {
    }

    @Schema(name = "NotebookSummary", description = "The notebook as stored.")
    record Summary(String id, String title, @Schema(description = "Its version, as in the ETag.") long version) {
    }
}
