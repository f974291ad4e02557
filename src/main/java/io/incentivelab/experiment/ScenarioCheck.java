package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Checks one scenario JSON the way the engine will read it; problem paths are JSON paths into the scenario. */
@FunctionalInterface
public interface ScenarioCheck {

    List<SpecProblem> validate(JsonNode scenario);
}
