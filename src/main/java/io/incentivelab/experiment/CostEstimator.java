package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Estimates an experiment's time and storage. Throughput is calibrated on this machine by timing a short
 * version of the experiment's first scenario ({@link RunEngine#calibrationScenario}) and dividing by its work
 * units (about epochs × subnets × UIDs); the seconds per unit are cached per engine version and calibration
 * scenario (the last 64), so a scenario with economics or a market is timed as itself, not as whichever scenario
 * came first. A run's estimate is its scenario's work units × seconds per unit, averaged over up to 32 sampled
 * points, times a correction learnt from recent experiments ({@link #observe}): the median of their measured
 * over estimated seconds per run (the last 16), which absorbs JIT warm-up, the machine's load and what the short
 * calibration misses. The time is the runs in waves of {@code threads}: ⌈runs / threads⌉ × seconds per run.
 */
public final class CostEstimator {

    private static final int SAMPLE_POINTS = 32;
    private static final int CACHED_CALIBRATIONS = 64;
    private static final int RECENT = 16;
    /** A measured/estimated ratio outside this range is a stall or a cancelled run, not a calibration error. */
    private static final double MIN_RATIO = 0.05;
    private static final double MAX_RATIO = 20;
    private static final long CALIBRATION_NANOS = 200_000_000L;
    static final long FIXED_BYTES_PER_RUN = 96;

    private final RunEngine engine;
    private final int seriesPoints;
    private final Map<String, Calibration> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Calibration> eldest) {
            return size() > CACHED_CALIBRATIONS;
        }
    };
    private final Deque<Double> ratios = new ArrayDeque<>();

    record Calibration(double secondsPerUnit, long bytesPerRun) {
    }

    public CostEstimator(RunEngine engine, int seriesPoints) {
        this.engine = engine;
        this.seriesPoints = seriesPoints;
    }

    /**
     * The cost of a plan's runs on {@code threads} threads. The points' scenarios are those the plan has read
     * ({@link ExperimentPlan#prepared}), not read again.
     */
    public CostPreview preview(ExperimentPlan plan, int threads) {
        Calibration c;
        try {
            c = calibration(plan.scenario(0), plan.prepared(0, engine));
        } catch (RuntimeException e) {
            c = new Calibration(Double.NaN, FIXED_BYTES_PER_RUN);
        }
        int step = Math.max(1, plan.points() / SAMPLE_POINTS);
        double units = 0;
        int sampled = 0;
        for (int p = 0; p < plan.points(); p += step) {
            units += plan.prepared(p, engine).workUnits();
            sampled++;
        }
        double[] recent = recentRatios();
        double correction = recent.length == 0 ? 1 : median(recent);
        double secondsPerRun = units / sampled * c.secondsPerUnit() * correction;
        int runs = plan.runs();
        boolean calibrated = Double.isFinite(secondsPerRun);
        int waves = (runs + Math.max(1, threads) - 1) / Math.max(1, threads);
        return new CostPreview(plan.points(), plan.spec().replicates(), runs, threads, secondsPerRun,
                waves * secondsPerRun, c.bytesPerRun(), c.bytesPerRun() * runs, calibrated, recent.length);
    }

    /**
     * Learns from a finished experiment: its estimated seconds per run (as {@link #preview} gave it) and the
     * measured ones (wall time × threads in use / runs). Ignored if either is not a positive number or their ratio
     * is outside [0.05, 20].
     */
    public void observe(double estimatedSecondsPerRun, double measuredSecondsPerRun) {
        if (!(estimatedSecondsPerRun > 0) || !(measuredSecondsPerRun > 0) || !Double.isFinite(estimatedSecondsPerRun)
                || !Double.isFinite(measuredSecondsPerRun)) {
            return;
        }
        double ratio = measuredSecondsPerRun / estimatedSecondsPerRun;
        if (ratio < MIN_RATIO || ratio > MAX_RATIO) {
            return;
        }
        synchronized (ratios) {
            ratios.addLast(ratio);
            while (ratios.size() > RECENT) {
                ratios.removeFirst();
            }
        }
    }

    private double[] recentRatios() {
        synchronized (ratios) {
            return ratios.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private Calibration calibration(JsonNode scenario, RunEngine.PreparedScenario prepared) {
        String key = engine.version() + "|" + scenario.toString();
        synchronized (cache) {
            Calibration hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        JsonNode shorter = engine.calibrationScenario(scenario, prepared);
        // an engine whose calibration is the scenario itself times the reading the plan has
        Calibration c = calibrate(shorter == scenario ? prepared : engine.prepare(shorter));
        synchronized (cache) {
            cache.put(key, c);
        }
        return c;
    }

    /** Times the calibration scenario: one warm-up run, then runs until 0.2 s have passed (at least one). */
    private Calibration calibrate(RunEngine.PreparedScenario prepared) {
        try {
            RunOutcome outcome = prepared.run(1, () -> false);
            long t0 = System.nanoTime();
            int runs = 0;
            do {
                prepared.run(2 + runs, () -> false);
                runs++;
            } while (System.nanoTime() - t0 < CALIBRATION_NANOS && runs < 20);
            double seconds = (System.nanoTime() - t0) / 1e9 / runs;
            long bytes = FIXED_BYTES_PER_RUN + MetricsCodec.encode(outcome.metrics()).length()
                    + outcome.series().downsample(seriesPoints).encode().length;
            return new Calibration(seconds / Math.max(1, prepared.workUnits()), bytes);
        } catch (Exception e) {
            throw new IllegalStateException("calibration run failed: " + e.getMessage(), e);
        }
    }
}
