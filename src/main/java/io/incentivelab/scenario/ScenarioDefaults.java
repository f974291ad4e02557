package io.incentivelab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.incentivelab.simulation.model.ScenarioModel;
import io.incentivelab.simulation.model.ScenarioModel.Property;
import io.incentivelab.simulation.model.ScenarioModel.RecordType;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The defaults of the scenario format as JSON, parsed once (two ways: as the codec reads and as editors read) from the {@link ScenarioModel}'s
 * {@link io.incentivelab.simulation.model.Field#def() def} texts. A bad default text fails here, when the class
 * loads, naming its field.
 */
public final class ScenarioDefaults {

    private static final Map<Property, JsonNode> DEFAULTS = new IdentityHashMap<>();
    private static final Map<Property, JsonNode> PLAIN = new IdentityHashMap<>();

    private static final ObjectMapper PLAIN_MAPPER = JsonMapper.builder().build();

    static {
        for (RecordType r : ScenarioModel.get().records()) {
            for (Property p : r.properties()) {
                String text = p.defaultJson();
                if (text != null) {
                    try {
                        DEFAULTS.put(p, ScenarioCodec.mapper().readTree(text));
                        PLAIN.put(p, PLAIN_MAPPER.readTree(text));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("bad default of " + r.type().getSimpleName() + "." + p.name(), e);
                    }
                }
            }
        }
    }

    private ScenarioDefaults() {
    }

    /**
     * The default of a property as shared, read-only JSON (copy it before changing it), or null when the property
     * is required.
     */
    public static JsonNode of(Property p) {
        return DEFAULTS.get(p);
    }

    /**
     * The same default read as an editor reads JSON (decimals as doubles, so {@code 1e9} prints as {@code 1.0E9}),
     * shared and read-only; null when the property is required.
     */
    public static JsonNode asDoubles(Property p) {
        return PLAIN.get(p);
    }
}
