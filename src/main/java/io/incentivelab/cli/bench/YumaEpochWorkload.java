package io.incentivelab.cli.bench;

import io.incentivelab.simulation.yuma.NaiveYumaEpoch;
import io.incentivelab.simulation.yuma.SyntheticYumaInputs;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaParams;
import io.incentivelab.simulation.yuma.YumaResult;
import io.incentivelab.simulation.yuma.YumaWorkspace;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code yuma3-epoch-VxN}: one Yuma 3 epoch (new-subnet defaults, all V validators permitted) on dense random
 * inputs, single thread, in epochs per second of the thread's CPU time (median of timed rounds after warm-up;
 * the wall-clock rate and the load average are reported alongside); {@code naiveRatio} is the speed over
 * {@link NaiveYumaEpoch} measured in the same run. Each epoch's bond rows are handed back to the workspace after
 * the epoch, as the engine does with the bonds an epoch replaces ({@link #epoch}).
 */
final class YumaEpochWorkload implements BenchWorkload {

    private final int validators;
    private final int n;

    YumaEpochWorkload(int validators, int n) {
        this.validators = validators;
        this.n = n;
    }

    @Override
    public String name() {
        return "yuma3-epoch-" + validators + "x" + n;
    }

    @Override
    public List<Map<String, Object>> run() {
        YumaParams params = YumaParams.newSubnetDefaults().withMaxAllowedValidators(validators);
        YumaInputs in = SyntheticYumaInputs.dense(validators, n, 42);
        YumaConsensus yuma = new YumaConsensus(params);
        YumaWorkspace ws = new YumaWorkspace();
        double[] fast = CpuTimer.measure(() -> epoch(yuma, in, ws), 3_000, 5, 1_000);
        double[] naive = CpuTimer.measure(() -> NaiveYumaEpoch.run(params, in), 1_500, 3, 1_000);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", name());
        line.put("value", CpuTimer.round(fast[0], 1));
        line.put("unit", "epochs/s");
        line.put("clock", "thread-cpu");
        line.put("wallEpochsPerSecond", CpuTimer.round(fast[1], 1));
        line.put("naiveEpochsPerSecond", CpuTimer.round(naive[0], 2));
        line.put("naiveRatio", CpuTimer.round(fast[0] / naive[0], 1));
        line.put("validators", validators);
        line.put("uids", n);
        line.put("threads", 1);
        line.put("loadAverage", CpuTimer.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2));
        return List.of(line);
    }

    /**
     * One epoch as the engine runs them: the caller is done with the result's bond rows once it has read them,
     * so it hands them back to the workspace, which writes the next epoch's bonds into them (SubnetRun does the
     * same with the bonds an epoch replaces).
     */
    static YumaResult epoch(YumaConsensus yuma, YumaInputs in, YumaWorkspace ws) {
        YumaResult r = yuma.epoch(in, ws);
        ws.recycle(r.bonds());
        return r;
    }
}
