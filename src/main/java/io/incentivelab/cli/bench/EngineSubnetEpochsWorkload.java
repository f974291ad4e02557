package io.incentivelab.cli.bench;

import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.Simulator;
import io.incentivelab.simulation.yuma.SyntheticYumaInputs;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaParams;
import io.incentivelab.simulation.yuma.YumaWorkspace;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code engine-subnet-epochs}: whole-engine throughput in subnet-epochs per second, single thread, on one
 * subnet of 64 validators and 192 miners (SPEED, proportional curve, noise on every validator × UID every
 * epoch, Yuma 3, payment and sampling), beside the Yuma-only figure for 64 × 256 measured in the same run
 * ({@code yumaOnlyEpochsPerSecond}); the target is a ratio of at least 0.5.
 */
final class EngineSubnetEpochsWorkload implements BenchWorkload {

    private static final int EPOCHS_PER_RUN = 200;

    @Override
    public String name() {
        return "engine-subnet-epochs";
    }

    @Override
    public List<Map<String, Object>> run() {
        Simulator sim = new Simulator(ScenarioCodec.parse("""
                {"network": {"horizonEpochs": %d, "sampleEveryEpochs": 20},
                 "subnets": [{"name": "bench", "metric": "SPEED",
                              "miners": {"operators": 192}, "validators": {"count": 64}}]}""".formatted(EPOCHS_PER_RUN)));
        long[] seed = {0};
        double runs = measure(() -> sim.run(++seed[0]), 3_000, 5, 2_000);
        double engine = runs * EPOCHS_PER_RUN;

        YumaParams params = YumaParams.newSubnetDefaults().withMaxAllowedValidators(64);
        YumaInputs in = SyntheticYumaInputs.dense(64, 256, 42);
        YumaConsensus yuma = new YumaConsensus(params);
        YumaWorkspace ws = new YumaWorkspace();
        double yumaOnly = measure(() -> yuma.epoch(in, ws), 2_000, 5, 1_000);

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", name());
        line.put("value", Math.round(engine * 10) / 10.0);
        line.put("unit", "subnet-epochs/s");
        line.put("yumaOnlyEpochsPerSecond", Math.round(yumaOnly * 10) / 10.0);
        line.put("ratioToYumaOnly", Math.round(engine / yumaOnly * 100) / 100.0);
        line.put("validators", 64);
        line.put("miners", 192);
        line.put("threads", 1);
        return List.of(line);
    }

    /** Warm-up for {@code warmupMs}, then the median calls/s of {@code rounds} rounds of about {@code roundMs}. */
    private static double measure(java.util.function.Supplier<Object> call, long warmupMs, int rounds, long roundMs) {
        Object sink = null;
        long end = System.nanoTime() + warmupMs * 1_000_000;
        while (System.nanoTime() < end) {
            sink = call.get();
        }
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            long stop = start + roundMs * 1_000_000;
            long count = 0;
            long now;
            do {
                sink = call.get();
                count++;
                now = System.nanoTime();
            } while (now < stop);
            rates[r] = count / ((now - start) / 1e9);
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        Arrays.sort(rates);
        return rates[rounds / 2];
    }
}
