package io.incentivelab.notebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A scenario kept as the JSON the engine reads (scenario format, {@code schemaVersion} 1). The JSON may be
 * invalid while the user edits it: the cell stores what was typed, the scenario codec reports the problems,
 * and running refuses an invalid scenario. The tree is copied in and out, so the record stays immutable.
 */
public record ScenarioCell(String id, String label, ObjectNode scenario) implements Cell {

    public ScenarioCell {
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label;
        scenario = scenario == null ? JsonNodeFactory.instance.objectNode() : scenario.deepCopy();
    }

    /** A copy of the scenario tree (callers may change it). */
    @Override
    public ObjectNode scenario() {
        return scenario.deepCopy();
    }

    @Override
    public CellType type() {
        return CellType.SCENARIO;
    }

    @Override
    public ScenarioCell withId(String newId) {
        return new ScenarioCell(newId, label, scenario);
    }

    public ScenarioCell withLabel(String newLabel) {
        return new ScenarioCell(id, newLabel, scenario);
    }

    public ScenarioCell withScenario(ObjectNode newScenario) {
        return new ScenarioCell(id, label, newScenario);
    }

    /** The label, or the scenario's name, or the id: what lists show. */
    public String displayName() {
        if (!label.isBlank()) {
            return label;
        }
        String name = scenario.path("name").asText("");
        return name.isBlank() ? id : name;
    }
}
