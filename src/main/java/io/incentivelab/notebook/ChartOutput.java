package io.incentivelab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A chart as last drawn: the ECharts option built on the server from the experiment's results, so a stored
 * notebook (an example, a shared snapshot) shows it without re-computing.
 *
 * @param inputHash    hash of the chart's inputs and the experiment results it was drawn from ({@link CellStaleness})
 * @param experimentId the experiment whose results it shows
 * @param option       the ECharts option object
 * @param dataPoints   data points drawn
 */
public record ChartOutput(String inputHash, String experimentId, JsonNode option, int dataPoints) implements CellOutput {

    public static final String KIND = "chart";

    public ChartOutput {
        option = option == null ? JsonNodeFactory.instance.objectNode() : option.deepCopy();
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** A copy of the option tree. */
    @Override
    public JsonNode option() {
        return option.deepCopy();
    }

    /** The option as an object node (empty if it is not one). */
    public ObjectNode optionObject() {
        return option.isObject() ? (ObjectNode) option.deepCopy() : JsonNodeFactory.instance.objectNode();
    }
}
