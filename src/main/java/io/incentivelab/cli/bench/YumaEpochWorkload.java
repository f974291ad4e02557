package io.incentivelab.cli.bench;

import io.incentivelab.simulation.yuma.NaiveYumaEpoch;
import io.incentivelab.simulation.yuma.SyntheticYumaInputs;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaParams;
import io.incentivelab.simulation.yuma.YumaWorkspace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code yuma3-epoch-VxN}: one Yuma 3 epoch (new-subnet defaults, all V validators permitted) on dense random
 * inputs, single thread, in epochs per second of the thread's CPU time (median of timed rounds after warm-up;
 * the wall-clock rate and the load average are reported alongside); {@code naiveRatio} is the speed over
 * {@link NaiveYumaEpoch} measured in the same run.
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
        double[] fast = measure(() -> yuma.epoch(in, ws), 3_000, 5, 1_000);
        double[] naive = measure(() -> NaiveYumaEpoch.run(params, in), 1_500, 3, 1_000);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", name());
        line.put("value", round(fast[0], 1));
        line.put("unit", "epochs/s");
        line.put("clock", "thread-cpu");
        line.put("wallEpochsPerSecond", round(fast[1], 1));
        line.put("naiveEpochsPerSecond", round(naive[0], 2));
        line.put("naiveRatio", round(fast[0] / naive[0], 1));
        line.put("validators", validators);
        line.put("uids", n);
        line.put("threads", 1);
        line.put("loadAverage", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2));
        return List.of(line);
    }

    private static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(x * f) / f;
    }

    /**
     * Warm-up for {@code warmupMs} of thread CPU time, then {@code rounds} rounds of about {@code roundMs} CPU ms.
     * The machine is shared, so the rate is per CPU second of this thread (robust to other load); the wall-clock
     * rate is returned too. Both are medians over the rounds.
     *
     * @return {epochs per thread-CPU second, epochs per wall second}
     */
    private static double[] measure(Supplier<Object> epoch, long warmupMs, int rounds, long roundMs) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Object sink = null;
        long end = mx.getCurrentThreadCpuTime() + warmupMs * 1_000_000;
        while (mx.getCurrentThreadCpuTime() < end) {
            sink = epoch.get();
        }
        double[] cpuRates = new double[rounds];
        double[] wallRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            long count = 0;
            long cpu;
            do {
                sink = epoch.get();
                count++;
                cpu = mx.getCurrentThreadCpuTime();
            } while (cpu - cpu0 < roundMs * 1_000_000);
            cpuRates[r] = count / ((cpu - cpu0) / 1e9);
            wallRates[r] = count / ((System.nanoTime() - wall0) / 1e9);
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        Arrays.sort(cpuRates);
        Arrays.sort(wallRates);
        return new double[] {cpuRates[rounds / 2], wallRates[rounds / 2]};
    }
}
