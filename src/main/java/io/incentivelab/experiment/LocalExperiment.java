package io.incentivelab.experiment;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * An experiment run in this process without Spring or a database (the CLI and the bench): an in-memory store,
 * a local pool of the given size, and the same runner, aggregation and writers as the app, so the numbers are
 * the same as the API's for the same file.
 */
public final class LocalExperiment {

    /** Samples kept per time series of a run (the app's default too). */
    public static final int SERIES_POINTS = ExperimentDefaults.SERIES_POINTS;

    private final ExperimentPlan plan;
    private final ExperimentStore store;
    private final String id;
    private final ExperimentProgress end;

    private LocalExperiment(ExperimentPlan plan, ExperimentStore store, String id, ExperimentProgress end) {
        this.plan = plan;
        this.store = store;
        this.id = id;
        this.end = end;
    }

    /**
     * Runs every run of the plan and returns when the experiment ends.
     *
     * @param onStart  called with the job before it runs (to subscribe or cancel), may be null
     */
    public static LocalExperiment run(ExperimentPlan plan, RunEngine engine, int threads, double secondsPerRun,
            Consumer<ExperimentJob> onStart) throws InterruptedException {
        return run(plan, engine, threads, secondsPerRun, onStart, new InMemoryExperimentStore(false));
    }

    /**
     * Runs every run of the plan, keeping each run's time series if asked (for {@link #series}), and returns
     * when the experiment ends.
     */
    public static LocalExperiment run(ExperimentPlan plan, RunEngine engine, int threads, double secondsPerRun,
            Consumer<ExperimentJob> onStart, boolean keepSeries) throws InterruptedException {
        return run(plan, engine, threads, secondsPerRun, onStart, new InMemoryExperimentStore(keepSeries));
    }

    /** The same on a given store (the bench uses an H2 file to measure storage per run). */
    public static LocalExperiment run(ExperimentPlan plan, RunEngine engine, int threads, double secondsPerRun,
            Consumer<ExperimentJob> onStart, ExperimentStore store) throws InterruptedException {
        ExperimentRecord record = new ExperimentRecord(UUID.randomUUID().toString(), plan.spec(), ExperimentStatus.QUEUED,
                plan.runs(), null, Clock.systemUTC().instant(), null, null);
        store.create(record, plan);
        try (LocalRunExecutor executor = new LocalRunExecutor(engine, threads, ExperimentDefaults.SERIES_POINTS)) {
            ExperimentRunner runner = new ExperimentRunner(store, executor, Clock.systemUTC());
            ExperimentJob job = runner.start(record, plan, secondsPerRun);
            if (onStart != null) {
                onStart.accept(job);
            }
            try {
                return new LocalExperiment(plan, store, record.id(), job.finished().get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    public ExperimentProgress end() {
        return end;
    }

    /** Bytes the store holds for this experiment's runs. */
    public long storedBytes() {
        return store.storedBytes(id);
    }

    public ExperimentPlan plan() {
        return plan;
    }

    public List<PointSummary> points() {
        return ResultAggregator.aggregate(plan, c -> store.forEachRun(id, c));
    }

    /** The time series of one point across its replicates (empty unless run with {@code keepSeries}). */
    public SeriesBand series(int pointIndex) {
        return SeriesBand.of(store.series(id, pointIndex).stream().map(CompactSeries::decode).toList());
    }

    /** Every metric compared between two groups of runs, as {@link ExperimentService#compare}. */
    public List<MetricComparison> compare(RunGroup a, RunGroup b) {
        Map<String, double[]> va = ResultAggregator.collect(c -> store.forEachRun(id, c), a.points(plan));
        Map<String, double[]> vb = ResultAggregator.collect(c -> store.forEachRun(id, c), b.points(plan));
        return va.keySet().stream().filter(vb::containsKey).map(m -> Statistics.compare(m, va.get(m), vb.get(m))).toList();
    }

    public void writeRunsCsv(Writer out) throws IOException {
        ResultsWriter.runsCsv(plan, c -> store.forEachRun(id, c), out);
    }

    public void writeSummaryCsv(Writer out) throws IOException {
        ResultsWriter.summaryCsv(plan, points(), out);
    }

    /** The results JSON without status and runs (the API's {@code /results} has both). */
    public void writeSummaryJson(Writer out) throws IOException {
        ResultsWriter.json(plan, null, points(), null, out);
    }
}
