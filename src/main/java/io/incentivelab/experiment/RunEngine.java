package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the experiment runner needs from the simulation engine. Implementations are immutable and thread-safe;
 * every run is a pure function of (scenario, seed, engine version).
 */
public interface RunEngine {

    /** The engine version stored with every run. */
    String version();

    /** Checks a scenario; an empty list means it will run. */
    List<SpecProblem> validate(JsonNode scenario);

    /**
     * Reads a scenario once for many runs.
     *
     * @throws IllegalArgumentException if the scenario is invalid
     */
    PreparedScenario prepare(JsonNode scenario);

    /**
     * Reads and checks a scenario once: prepared to run, or the problems that keep it from running. The default
     * validates and then prepares (two reads); an engine that can do both in one read overrides it.
     */
    default Checked check(JsonNode scenario) {
        List<SpecProblem> problems = validate(scenario);
        return problems.isEmpty() ? new Checked(prepare(scenario), List.of()) : new Checked(null, problems);
    }

    /**
     * A shorter version of a scenario (same network, a few epochs) timed to calibrate the cost preview; the
     * default is the scenario itself.
     *
     * @param prepared the scenario as {@link #prepare} read it, so it need not be read again
     */
    default JsonNode calibrationScenario(JsonNode scenario, PreparedScenario prepared) {
        return scenario;
    }

    /**
     * A scenario read once: {@code prepared} if it will run, else its problems (paths into the scenario).
     */
    record Checked(PreparedScenario prepared, List<SpecProblem> problems) {
        public Checked {
            problems = List.copyOf(problems);
        }
    }

    /** A scenario read and ready to run with any seed. */
    interface PreparedScenario {

        /** The hash of the scenario as the engine canonicalises it. */
        String scenarioHash();

        /** The work one run does, in engine units (about epochs × subnets × UIDs), for the cost preview. */
        long workUnits();

        /**
         * Runs once.
         *
         * @param cancelled checked by the engine between epochs; when it turns true the run stops early and
         *                  its outcome is discarded
         */
        RunOutcome run(long seed, BooleanSupplier cancelled) throws Exception;
    }
}
