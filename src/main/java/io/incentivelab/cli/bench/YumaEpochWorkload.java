package io.incentivelab.cli.bench;

import io.incentivelab.simulation.yuma.NaiveYumaEpoch;
import io.incentivelab.simulation.yuma.SyntheticYumaInputs;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaParams;
import io.incentivelab.simulation.yuma.YumaWorkspace;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code yuma3-epoch-VxN}: one Yuma 3 epoch (new-subnet defaults, all V validators permitted) on dense random
 * inputs, single thread, in epochs/s (median of timed rounds after warm-up); {@code naiveRatio} is the speed
 * over {@link NaiveYumaEpoch} measured in the same run.
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
        double fast = measure(() -> yuma.epoch(in, ws), 2_000, 5, 1_000);
        double naive = measure(() -> NaiveYumaEpoch.run(params, in), 1_000, 3, 1_000);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", name());
        line.put("value", Math.round(fast * 10) / 10.0);
        line.put("unit", "epochs/s");
        line.put("naiveEpochsPerSecond", Math.round(naive * 100) / 100.0);
        line.put("naiveRatio", Math.round(fast / naive * 10) / 10.0);
        line.put("validators", validators);
        line.put("uids", n);
        line.put("threads", 1);
        return List.of(line);
    }

    /** Warm-up for {@code warmupMs}, then the median epochs/s of {@code rounds} rounds of about {@code roundMs}. */
    private static double measure(Supplier<Object> epoch, long warmupMs, int rounds, long roundMs) {
        Object sink = null;
        long end = System.nanoTime() + warmupMs * 1_000_000;
        while (System.nanoTime() < end) {
            sink = epoch.get();
        }
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            long stop = start + roundMs * 1_000_000;
            long count = 0;
            long now;
            do {
                sink = epoch.get();
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
