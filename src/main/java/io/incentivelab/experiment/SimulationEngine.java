package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.FlatKey;
import io.incentivelab.simulation.ProgressListener;
import io.incentivelab.simulation.RunResult;
import io.incentivelab.simulation.Simulator;
import io.incentivelab.simulation.SubnetMetric;
import io.incentivelab.simulation.TimeSeries;
import io.incentivelab.simulation.model.InvalidScenarioException;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.model.SubnetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * The experiment runner's way to the real engine: scenario JSON through {@link ScenarioCodec}, runs through
 * {@link Simulator}. Summary metrics are the engine's flat map, in its order; the stored time series keeps
 * the concentration, resource and market outputs of every subnet ({@link SubnetMetric#stored()}) and the network's
 * issuance and cross-subnet HHI ({@link #storedSeries}).
 */
@Component
public final class SimulationEngine implements RunEngine {

    /** The network outputs whose time series are stored (the subnet outputs': {@link SubnetMetric#stored()}). */
    public static final List<String> STORED_NETWORK_SERIES = List.of("network.issuanceTao", "network.crossSubnetHhi");
    private static final int CALIBRATION_EPOCHS = 20;

    @Override
    public String version() {
        return Simulator.ENGINE_VERSION;
    }

    @Override
    public List<SpecProblem> validate(JsonNode scenario) {
        try {
            ScenarioCodec.parse(scenario);
            return List.of();
        } catch (InvalidScenarioException e) {
            return e.problems().stream().map(p -> new SpecProblem(p.path(), p.message())).toList();
        } catch (RuntimeException e) {
            return List.of(new SpecProblem("$", "cannot read the scenario: " + e.getMessage()));
        }
    }

    /** Validates and prepares in one read of the scenario. */
    @Override
    public Checked check(JsonNode scenario) {
        try {
            return new Checked(prepare(scenario), List.of());
        } catch (InvalidScenarioException e) {
            return new Checked(null, e.problems().stream().map(p -> new SpecProblem(p.path(), p.message())).toList());
        } catch (RuntimeException e) {
            return new Checked(null, List.of(new SpecProblem("$", "cannot read the scenario: " + e.getMessage())));
        }
    }

    @Override
    public PreparedScenario prepare(JsonNode json) {
        return prepare(ScenarioCodec.parse(json));
    }

    private Prepared prepare(Scenario scenario) {
        Simulator simulator = new Simulator(scenario);
        String hash = ScenarioCodec.hash(scenario);
        long work = 0;
        long horizonBlocks = (long) scenario.network().effectiveHorizonEpochs() * scenario.network().tempo();
        for (SubnetSpec s : scenario.subnets()) {
            // each subnet's UIDs × its own epochs (a subnet tempo other than the network's)
            work += ((long) s.miners().operators() * s.miners().uidsPerOperator() + s.validators().count())
                    * (horizonBlocks / s.tempo(scenario.network()));
        }
        return new Prepared(scenario, simulator, hash, work);
    }

    /** A scenario read once, with its simulator. */
    private record Prepared(Scenario scenario, Simulator simulator, String scenarioHash, long workUnits)
            implements PreparedScenario {

        @Override
        public RunOutcome run(long seed, BooleanSupplier cancelled) {
            RunResult r = simulator.run(seed, cancelled, ProgressListener.NONE);
            return new RunOutcome(r.summary().toFlatMap(), series(r.timeSeries()), scenarioHash, r.engineVersion());
        }
    }

    /** The same network for at most {@value #CALIBRATION_EPOCHS} epochs. */
    @Override
    public JsonNode calibrationScenario(JsonNode scenario, PreparedScenario prepared) {
        Scenario s = prepared instanceof Prepared p ? p.scenario() : ScenarioCodec.parse(scenario);
        ObjectNode copy = scenario.deepCopy();
        ObjectNode network = copy.has("network") && copy.get("network").isObject() ? (ObjectNode) copy.get("network") : copy.putObject("network");
        network.put("horizonEpochs", Math.min(CALIBRATION_EPOCHS, s.network().effectiveHorizonEpochs()));
        network.put("sampleEveryEpochs", Math.min(s.network().sampleEveryEpochs(), CALIBRATION_EPOCHS));
        return copy;
    }

    /** True when an experiment stores the time series of this flat key. */
    public static boolean storedSeries(String flatKey) {
        return STORED_NETWORK_SERIES.contains(flatKey)
                || FlatKey.subnetMean(flatKey).map(SubnetMetric::stored).orElse(false);
    }

    static CompactSeries series(TimeSeries t) {
        List<String> names = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (int k = 0; k < t.keys().size(); k++) {
            String key = t.keys().get(k);
            if (storedSeries(key)) {
                double[] col = t.columns()[k];
                float[] row = new float[col.length];
                for (int i = 0; i < col.length; i++) {
                    row[i] = (float) col[i];
                }
                names.add(key);
                rows.add(row);
            }
        }
        return new CompactSeries(names, t.epochs().clone(), rows.toArray(new float[0][]));
    }
}
