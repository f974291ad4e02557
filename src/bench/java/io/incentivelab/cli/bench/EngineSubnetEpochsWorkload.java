package io.incentivelab.cli.bench;

import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.Simulator;
import io.incentivelab.simulation.yuma.SyntheticYumaInputs;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaParams;
import io.incentivelab.simulation.yuma.YumaWorkspace;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code engine-subnet-epochs}: whole-engine throughput in subnet-epochs per second, single thread, on one
 * subnet of 64 validators and 192 miners (SPEED, proportional curve, noise on every validator × UID every
 * epoch, Yuma 3, payment and sampling), beside the Yuma-only figure for 64 × 256 measured in the same run
 * ({@code yumaOnlyEpochsPerSecond}, one input repeated, as the Yuma workload does), both per second of the
 * thread's CPU time; the target is a ratio of at least 0.5. Because a repeated input lets the branch
 * predictor learn it, the Yuma-only rate over 16 different inputs in turn is reported too
 * ({@code yumaOnlyVaryingInputsEpochsPerSecond}), closer to what Yuma costs inside the engine.
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
        double[] runs = CpuTimer.measure(() -> sim.run(++seed[0]), 3_000, 5, 2_000);
        double engine = runs[0] * EPOCHS_PER_RUN;

        YumaParams params = YumaParams.newSubnetDefaults().withMaxAllowedValidators(64);
        YumaInputs in = SyntheticYumaInputs.dense(64, 256, 42);
        YumaConsensus yuma = new YumaConsensus(params);
        YumaWorkspace ws = new YumaWorkspace();
        double yumaOnly = CpuTimer.measure(() -> YumaEpochWorkload.epoch(yuma, in, ws), 2_000, 5, 1_000)[0];
        // the same epoch on 16 different input sets in turn: repeating one input lets the CPU's branch
        // predictor learn its data, which the engine (new measurements every epoch) never sees
        YumaInputs[] fresh = new YumaInputs[16];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = SyntheticYumaInputs.dense(64, 256, 1000 + i);
        }
        int[] next = {0};
        double yumaFresh = CpuTimer.measure(() -> YumaEpochWorkload.epoch(yuma, fresh[next[0]++ & 15], ws), 2_000, 5, 1_000)[0];

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", name());
        line.put("value", CpuTimer.round(engine, 1));
        line.put("unit", "subnet-epochs/s");
        line.put("clock", "thread-cpu");
        line.put("wallSubnetEpochsPerSecond", CpuTimer.round(runs[1] * EPOCHS_PER_RUN, 1));
        line.put("yumaOnlyEpochsPerSecond", CpuTimer.round(yumaOnly, 1));
        line.put("ratioToYumaOnly", CpuTimer.round(engine / yumaOnly, 2));
        line.put("yumaOnlyVaryingInputsEpochsPerSecond", CpuTimer.round(yumaFresh, 1));
        line.put("ratioToYumaOnlyVaryingInputs", CpuTimer.round(engine / yumaFresh, 2));
        line.put("validators", 64);
        line.put("miners", 192);
        line.put("threads", 1);
        line.put("loadAverage", CpuTimer.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2));
        return List.of(line);
    }
}
