package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario check of a spec that also keeps what it read: each scenario is read once by the engine
 * ({@link RunEngine#check}), and a sweep point that is its scenario unchanged (no axes) uses that reading.
 * Not thread-safe: one per check.
 */
final class PreparedBases implements ScenarioCheck {

    private final RunEngine engine;
    private final List<JsonNode> scenarios = new ArrayList<>();
    private final List<RunEngine.Checked> checked = new ArrayList<>();

    PreparedBases(RunEngine engine) {
        this.engine = engine;
    }

    @Override
    public List<SpecProblem> validate(JsonNode scenario) {
        RunEngine.Checked c = engine.check(scenario);
        scenarios.add(scenario);
        checked.add(c);
        return c.problems();
    }

    /** What checking this very scenario (the same object) gave; null if it was not checked here. */
    RunEngine.Checked checked(JsonNode scenario) {
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i) == scenario) {
                return checked.get(i);
            }
        }
        return null;
    }
}
