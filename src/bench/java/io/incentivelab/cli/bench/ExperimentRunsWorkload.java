package io.incentivelab.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentPlan;
import io.incentivelab.experiment.ExperimentSpecCodec;
import io.incentivelab.experiment.LocalExperiment;
import io.incentivelab.experiment.SimulationEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code experiment-runs-1t} / {@code experiment-runs-2t}: throughput of example 1
 * ({@code curve-sweep.experiment.json}, 40 runs) through the experiment runner, in runs/s, with process CPU
 * seconds per run. After a warm-up, the 2-thread workload also measures 1 thread in the same process and
 * reports {@code ratio2tTo1t} (target ≥ 1.7). Medians of 3 rounds (1 and 2 threads alternate).
 */
final class ExperimentRunsWorkload implements BenchWorkload {

    static final String EXAMPLE = "curve-sweep.experiment.json";

    private final int threads;

    ExperimentRunsWorkload(int threads) {
        this.threads = threads;
    }

    @Override
    public String name() {
        return "experiment-runs-" + threads + "t";
    }

    @Override
    public List<Map<String, Object>> run() {
        SimulationEngine engine = new SimulationEngine();
        ExperimentPlan plan = ExperimentPlan.of(ExperimentSpecCodec.parse(example(EXAMPLE), ExperimentLimits.DEFAULT), engine::validate);
        measure(plan, engine, threads); // warm-up: JIT
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", name());
        if (threads == 1) {
            double[] one = median(plan, engine, 1);
            line.put("value", round(one[0], 100));
            line.put("unit", "runs/s");
            line.put("cpuSecondsPerRun", round(one[1], 10_000));
        } else {
            double[] one = new double[ROUNDS];
            double[] many = new double[ROUNDS];
            double[] cpu = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                one[r] = measure(plan, engine, 1)[0];
                double[] m = measure(plan, engine, threads);
                many[r] = m[0];
                cpu[r] = m[1];
            }
            line.put("value", round(median(many), 100));
            line.put("unit", "runs/s");
            line.put("cpuSecondsPerRun", round(median(cpu), 10_000));
            line.put("oneThreadRunsPerSecond", round(median(one), 100));
            line.put("ratio" + threads + "tTo1t", round(median(many) / median(one), 100));
            line.put("rounds", ROUNDS);
        }
        line.put("threads", threads);
        line.put("runs", plan.runs());
        line.put("example", EXAMPLE);
        line.put("cores", Runtime.getRuntime().availableProcessors());
        return List.of(line);
    }

    private static final int ROUNDS = 3;

    /** The median of {@value #ROUNDS} measurements: {runs/s, CPU seconds per run}. */
    static double[] median(ExperimentPlan plan, SimulationEngine engine, int threads) {
        double[] rate = new double[ROUNDS];
        double[] cpu = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            double[] m = measure(plan, engine, threads);
            rate[r] = m[0];
            cpu[r] = m[1];
        }
        return new double[] {median(rate), median(cpu)};
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** Runs the whole experiment; returns {runs/s, process CPU seconds per run}. */
    static double[] measure(ExperimentPlan plan, SimulationEngine engine, int threads) {
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        try {
            LocalExperiment result = LocalExperiment.run(plan, engine, threads, Double.NaN, null);
            if (result.end().done() != plan.runs()) {
                throw new IllegalStateException("the experiment ended " + result.end().status());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        return new double[] {plan.runs() / seconds, cpu / plan.runs()};
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** An example file from the jar ({@code examples/}) or, in a checkout, from {@code data/examples/}. */
    static String example(String name) {
        try (InputStream in = ExperimentRunsWorkload.class.getResourceAsStream("/examples/" + name)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of("data/examples", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }

}
