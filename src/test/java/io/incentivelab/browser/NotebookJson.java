package io.incentivelab.browser;

import java.util.Locale;

/**
 * Notebook files (the JSON format {@code importFile} reads) for the browser tests, put together from the cells they
 * keep needing: a scenario cell {@code c-scen} of some subnets, and experiments sweeping its first subnet's reward
 * curve over proportional and winner-take-all.
 */
final class NotebookJson {

    private NotebookJson() {
    }

    static String notebook(String title, String... cells) {
        return "{\"formatVersion\": 1, \"title\": \"" + title + "\", \"cells\": [\n" + String.join(",\n", cells) + "]}";
    }

    static String subnet(String name, String metric, int operators, int validators) {
        return String.format(Locale.ROOT,
                "{\"name\": \"%s\", \"metric\": \"%s\", \"miners\": {\"operators\": %d}, \"validators\": {\"count\": %d}}",
                name, metric, operators, validators);
    }

    /** The scenario cell {@code c-scen}: a network of {@code horizonDays} sampled every {@code sampleEveryEpochs}. */
    static String scenario(String label, String name, int horizonDays, int sampleEveryEpochs, String... subnets) {
        return String.format(Locale.ROOT, """
                {"id": "c-scen", "type": "SCENARIO", "label": "%s", "scenario":
                  {"schemaVersion": 1, "name": "%s",
                   "network": {"horizonDays": %d, "sampleEveryEpochs": %d},
                   "subnets": [%s]}}""", label, name, horizonDays, sampleEveryEpochs, String.join(", ", subnets));
    }

    /** An experiment cell on {@code c-scen}: a grid over the first subnet's reward curve, proportional and winner-take-all. */
    static String curveSweep(String id, String label, int replicates, long seed) {
        return String.format(Locale.ROOT, """
                {"id": "%s", "type": "EXPERIMENT", "label": "%s", "scenarioCellIds": ["c-scen"], "combine": "GRID",
                 "axes": [{"path": "$.subnets[0].rewardCurve.type", "kind": "LIST", "values": ["PROPORTIONAL", "WINNER_TAKE_ALL"]}],
                 "replicates": %d, "seed": %d}""", id, label, replicates, seed);
    }
}
