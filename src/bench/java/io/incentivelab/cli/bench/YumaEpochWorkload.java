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
import java.util.Optional;

/**
 * {@code yuma3-epoch-VxN}: one Yuma 3 epoch (new-subnet defaults, all V validators permitted) on dense random
 * inputs, single thread, in epochs per second of the thread's CPU time (median of timed rounds after warm-up;
 * the wall-clock rate and the load average are reported alongside); {@code naiveRatio} is the speed over
 * {@link NaiveYumaEpoch} measured in the same run. Each epoch's bond rows are handed back to the workspace after
 * the epoch, as the engine does with the bonds an epoch replaces ({@link #epoch}).
 *
 * <p>When the public reference simulator is available ({@link ReferenceYuma}: {@code YUMA_SIM_SRC} and python with
 * torch), its Yuma 3 epoch runs on the same inputs, its rounds alternated with ours, and {@code ratioToReference}
 * is our epochs per CPU second over its; otherwise {@code reference} says why it did not run (and one line on
 * standard error says so).
 */
final class YumaEpochWorkload implements BenchWorkload {

    private static final int ROUNDS = 5;
    /** CPU seconds per round of the reference (≈ 1,500 epochs/s at 64×256, ≈ 12 at 256×4096). */
    private static final double REFERENCE_ROUND_SECONDS = 2.0;
    private static final double REFERENCE_WARMUP_SECONDS = 2.0;

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
        return run(System.getenv());
    }

    /**
     * Ours and, when available, the reference's epoch on the same inputs, their timed rounds alternated (ours,
     * the reference's, ours, …) so that both see the same machine load; each figure is the median of its rounds.
     */
    List<Map<String, Object>> run(Map<String, String> env) {
        YumaParams params = YumaParams.newSubnetDefaults().withMaxAllowedValidators(validators);
        YumaInputs in = SyntheticYumaInputs.dense(validators, n, 42);
        YumaConsensus yuma = new YumaConsensus(params);
        YumaWorkspace ws = new YumaWorkspace();
        CpuTimer.Warm ours = CpuTimer.warmUp(() -> epoch(yuma, in, ws), 3_000);
        Optional<String> missing = ReferenceYuma.unavailable(env);
        ReferenceYuma reference = null;
        String referenceNote;
        if (missing.isEmpty()) {
            try {
                reference = ReferenceYuma.start(env, in, params, validators);
                reference.warmUp(REFERENCE_WARMUP_SECONDS);
                referenceNote = reference.description;
            } catch (IllegalStateException e) {
                referenceNote = "not run: " + e.getMessage();
                if (reference != null) {
                    reference.close();
                    reference = null;
                }
            }
        } else {
            referenceNote = "not run: " + missing.get();
        }
        double[] cpu = new double[ROUNDS];
        double[] wall = new double[ROUNDS];
        double[] refCpu = new double[ROUNDS];
        double[] refWall = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            double[] o = ours.round(1_000);
            cpu[r] = o[0];
            wall[r] = o[1];
            if (reference != null) {
                try {
                    double[] x = reference.round(REFERENCE_ROUND_SECONDS);
                    refCpu[r] = x[0];
                    refWall[r] = x[1];
                } catch (IllegalStateException e) {
                    referenceNote = "failed: " + e.getMessage();
                    reference.close();
                    reference = null;
                }
            }
        }
        if (reference != null) {
            reference.close();
        }
        boolean measured = referenceNote.startsWith("bactensor");
        double fast = CpuTimer.median(cpu);
        double[] naive = CpuTimer.measure(() -> NaiveYumaEpoch.run(params, in), 1_500, 3, 1_000);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", name());
        line.put("value", CpuTimer.round(fast, 1));
        line.put("unit", "epochs/s");
        line.put("clock", "thread-cpu");
        if (measured) {
            double ref = CpuTimer.median(refCpu);
            line.put("ratioToReference", CpuTimer.round(fast / ref, 1));
            line.put("referenceEpochsPerSecond", CpuTimer.round(ref, 2));
            line.put("wallRatioToReference", CpuTimer.round(CpuTimer.median(wall) / CpuTimer.median(refWall), 1));
        }
        line.put("ratioTarget", ratioTarget());
        line.put("reference", referenceNote);
        line.put("wallEpochsPerSecond", CpuTimer.round(CpuTimer.median(wall), 1));
        line.put("naiveEpochsPerSecond", CpuTimer.round(naive[0], 2));
        line.put("naiveRatio", CpuTimer.round(fast / naive[0], 1));
        line.put("validators", validators);
        line.put("uids", n);
        line.put("threads", 1);
        line.put("loadAverage", CpuTimer.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2));
        if (!measured) {
            System.err.println(name() + ": reference simulator " + referenceNote + "; no ratio to it");
        }
        return List.of(line);
    }

    /** The speed over the reference that issue 17 asks for: 10× at 64×256, 20× at the larger size. */
    int ratioTarget() {
        return (long) validators * n <= 64 * 256 ? 10 : 20;
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
