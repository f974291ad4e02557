package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One sweep point: a scenario with the axis values set.
 *
 * @param pointIndex    0-based; scenario-major: {@code scenarioIndex × combinations + combination}
 * @param scenarioIndex which of the spec's scenarios
 * @param scenarioLabel its label
 * @param assignments   axis path → value, in axis order (empty without sweep axes)
 */
public record ExperimentPoint(int pointIndex, int scenarioIndex, String scenarioLabel, Map<String, JsonNode> assignments) {
}
