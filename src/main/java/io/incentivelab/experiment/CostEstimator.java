package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Estimates an experiment's time and storage. Throughput is calibrated on this machine by timing a short
 * version of a scenario ({@link RunEngine#calibrationScenario}) and dividing by its work units (about
 * epochs × subnets × UIDs); the seconds per unit are cached per engine version for the life of the process.
 * A run's estimate is its scenario's work units × seconds per unit, averaged over up to 32 sampled points.
 */
public final class CostEstimator {

    private static final int SAMPLE_POINTS = 32;
    private static final long CALIBRATION_NANOS = 200_000_000L;
    static final long FIXED_BYTES_PER_RUN = 96;

    private final RunEngine engine;
    private final int seriesPoints;
    private final Map<String, Calibration> cache = new ConcurrentHashMap<>();

    record Calibration(double secondsPerUnit, long bytesPerRun) {
    }

    public CostEstimator(RunEngine engine, int seriesPoints) {
        this.engine = engine;
        this.seriesPoints = seriesPoints;
    }

    public CostPreview preview(ExperimentPlan plan, int threads) {
        Calibration c;
        try {
            c = cache.computeIfAbsent(engine.version(), v -> calibrate(plan.scenario(0)));
        } catch (RuntimeException e) {
            c = new Calibration(Double.NaN, FIXED_BYTES_PER_RUN);
        }
        int step = Math.max(1, plan.points() / SAMPLE_POINTS);
        double units = 0;
        int sampled = 0;
        for (int p = 0; p < plan.points(); p += step) {
            units += engine.prepare(plan.scenario(p)).workUnits();
            sampled++;
        }
        double secondsPerRun = units / sampled * c.secondsPerUnit();
        int runs = plan.runs();
        boolean calibrated = Double.isFinite(secondsPerRun);
        return new CostPreview(plan.points(), plan.spec().replicates(), runs, threads, secondsPerRun,
                runs * secondsPerRun / Math.max(1, threads), c.bytesPerRun(), c.bytesPerRun() * runs, calibrated);
    }

    /** Times the calibration scenario: one warm-up run, then runs until 0.2 s have passed (at least one). */
    private Calibration calibrate(JsonNode scenario) {
        RunEngine.PreparedScenario prepared = engine.prepare(engine.calibrationScenario(scenario));
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
