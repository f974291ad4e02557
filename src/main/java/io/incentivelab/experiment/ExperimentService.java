package io.incentivelab.experiment;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Application service for experiments: the API and the notebooks call this, never the store or the engine.
 * Experiments run on the app's {@link RunExecutor} (cores − 1 threads by default), persist every run in H2,
 * and resume after a restart. Ids are random UUIDs: knowing one is the permission to read or cancel it.
 */
@Service
public class ExperimentService {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentService.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final int RECENT_PLANS = 4;

    private final ExperimentStore store;
    private final RunEngine engine;
    private final ExperimentRunner runner;
    private final CostEstimator estimator;
    private final ExperimentProperties properties;
    private final Clock clock;
    /**
     * The last few plans of {@link #plan(ExperimentSpec)}: a notebook checks a cell, previews its cost and starts it
     * as three calls, which then share one plan and its points' scenarios, each read once.
     */
    private final Map<ExperimentSpec, ExperimentPlan> recentPlans = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ExperimentSpec, ExperimentPlan> eldest) {
            return size() > RECENT_PLANS;
        }
    };

    ExperimentService(ExperimentStore store, RunEngine engine, RunExecutor executor, ExperimentProperties properties) {
        this.store = store;
        this.engine = engine;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.runner = new ExperimentRunner(store, executor, clock);
        this.estimator = new CostEstimator(engine, properties.seriesPoints());
    }

    /**
     * Reads and checks an experiment file (JSON text) against the limits and the engine's scenario validation.
     *
     * @throws InvalidExperimentException with every problem and its path
     */
    public ExperimentPlan plan(String specJson) {
        return ExperimentPlan.read(specJson, properties.limits(), engine);
    }

    /**
     * Checks an experiment built in code (not read from a file) against the limits and the engine's scenario validation,
     * with the rules and messages of {@link #plan(String)}; each problem has its {@link SpecLocation}.
     *
     * @throws InvalidExperimentException with every problem
     */
    public ExperimentPlan plan(ExperimentSpec spec) {
        synchronized (recentPlans) {
            ExperimentPlan hit = recentPlans.get(spec);
            if (hit != null) {
                return hit;
            }
        }
        PreparedBases bases = new PreparedBases(engine);
        ExperimentPlan plan = ExperimentPlan.of(ExperimentSpecCheck.check(spec, properties.limits(), bases), engine, bases);
        synchronized (recentPlans) {
            recentPlans.put(spec, plan);
        }
        return plan;
    }

    /** The cost of an experiment before it starts (runs, time on this machine, storage). */
    public CostPreview preview(ExperimentPlan plan) {
        return estimator.preview(plan, runner.executor().parallelism());
    }

    /** Stores the experiment and queues its runs; returns at once with the new id. */
    public ExperimentProgress start(ExperimentPlan plan) {
        return start(plan, null);
    }

    /**
     * As {@link #start(ExperimentPlan)}, tagged with who started it: experiments of one origin group are deleted
     * together ({@link #deleteByOrigin}), and a later one of the same origin supersedes this one ({@link #superseded}).
     */
    public ExperimentProgress start(ExperimentPlan plan, ExperimentOrigin origin) {
        String id = UUID.randomUUID().toString();
        ExperimentRecord record = new ExperimentRecord(id, plan.spec(), ExperimentStatus.QUEUED, plan.runs(), null,
                clock.instant(), null, null);
        store.create(record, plan, origin);
        double secondsPerRun = secondsPerRun(plan);
        ExperimentJob job = runner.start(record, plan, secondsPerRun);
        // the preview learns from what the run really took (issue 20: within 2× of the measured time)
        job.finished().thenAccept(p -> {
            if (p.status() == ExperimentStatus.COMPLETED) {
                estimator.observe(job.estimatedSecondsPerRun(), job.measuredSecondsPerRun());
            }
        });
        LOG.info("experiment {} '{}' started: {} runs on {} threads", id, plan.spec().name(), plan.runs(),
                runner.executor().parallelism());
        return job.progress();
    }

    /** Status and progress; empty for an unknown id. */
    public Optional<ExperimentProgress> status(String id) {
        Optional<ExperimentJob> job = runner.job(id);
        if (job.isPresent()) {
            return Optional.of(job.get().progress());
        }
        return store.find(id).map(r -> {
            RunCounts c = store.counts(id);
            return new ExperimentProgress(id, r.spec().name(), r.status(), r.totalRuns(), c.done(), c.failed(), null, r.message());
        });
    }

    /**
     * Listens to an experiment's progress: the listener gets the current state at once, then changes (at most 4
     * a second, and always the final state) on an executor thread. Empty for an unknown id.
     *
     * @return a handle whose {@code run()} removes the listener
     */
    public Optional<Runnable> subscribe(String id, Consumer<ExperimentProgress> listener) {
        Optional<ExperimentJob> job = runner.job(id);
        if (job.isPresent()) {
            return Optional.of(job.get().subscribe(listener));
        }
        return status(id).map(p -> {
            listener.accept(p);
            return () -> {
            };
        });
    }

    /** Asks a queued or running experiment to stop; a finished one is left as it is. Empty for an unknown id. */
    public Optional<ExperimentProgress> cancel(String id) {
        Optional<ExperimentJob> job = runner.job(id);
        if (job.isPresent()) {
            job.get().cancel();
            return Optional.of(job.get().progress());
        }
        Optional<ExperimentProgress> status = status(id);
        status.filter(s -> !s.status().terminal()).ifPresent(s -> store.updateStatus(id, ExperimentStatus.CANCELLED,
                "cancelled before it resumed", clock.instant()));
        return status(id);
    }

    /** Who started an experiment; empty for one started through the API or unknown. */
    public Optional<ExperimentOrigin> origin(String id) {
        return store.origin(id);
    }

    /**
     * Whether a later experiment has the same origin (a re-run): then this one's results are no longer what its
     * origin shows, even if it ends after the re-run did. False without an origin.
     */
    public boolean superseded(String id) {
        Optional<ExperimentOrigin> origin = store.origin(id);
        Optional<ExperimentRecord> me = store.find(id);
        if (origin.isEmpty() || me.isEmpty()) {
            return false;
        }
        for (String other : store.findByOrigin(origin.get().group(), null)) {
            if (!other.equals(id) && store.origin(other).map(o -> o.member().equals(origin.get().member())).orElse(false)
                    && store.find(other).map(r -> r.createdAt().isAfter(me.get().createdAt())).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Deletes an experiment with every run and result of it. A queued or running one is cancelled first and
     * deleted once its in-flight runs stopped (they stop at their next epoch; waited for at most 30 s — a run
     * that ends later finds no row and stores nothing). False for an unknown id.
     */
    public boolean delete(String id) {
        Optional<ExperimentJob> job = runner.job(id);
        if (job.isPresent()) {
            job.get().cancel();
            try {
                job.get().finished().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("experiment {} did not stop within {}; deleting it anyway", id, SHUTDOWN_WAIT);
            }
        }
        boolean deleted = store.delete(id);
        if (deleted) {
            LOG.info("experiment {} deleted with its runs", id);
        }
        return deleted;
    }

    /**
     * Deletes the experiments whose origin is in {@code group} ({@code keepMembers} null), or whose origin's member
     * is not in {@code keepMembers}. Finished ones are deleted at once; a queued or running one is
     * cancelled and deleted as soon as its in-flight runs stopped, on the executor's thread, so the caller (a
     * view, on the UI thread) never waits for a run.
     *
     * @return how many were deleted or are being deleted
     */
    public int deleteByOrigin(String group, Collection<String> keepMembers) {
        int n = 0;
        for (String id : store.findByOrigin(group, keepMembers)) {
            Optional<ExperimentJob> job = runner.job(id);
            if (job.isPresent()) {
                job.get().cancel();
                job.get().finished().whenComplete((p, e) -> {
                    store.delete(id);
                    LOG.info("experiment {} deleted with its runs after it stopped", id);
                });
            } else {
                store.delete(id);
            }
            n++;
        }
        return n;
    }

    /** Per-point statistics of the runs finished so far (all of them once the experiment ended). */
    public Optional<ExperimentResults> results(String id) {
        return store.find(id).map(r -> {
            ExperimentPlan plan = ExperimentPlan.trusted(r.spec());
            List<PointSummary> points = ResultAggregator.aggregate(plan, c -> store.forEachRun(id, c));
            return new ExperimentResults(status(id).orElseThrow(), plan, points, r.finishedAt());
        });
    }

    /**
     * The sensitivity indices of a sensitivity experiment from the runs finished so far; empty for an unknown id.
     *
     * @throws IllegalArgumentException if the experiment is a sweep, not a sensitivity study
     */
    public Optional<SensitivityAnalysis.Result> sensitivity(String id) {
        return store.find(id).map(r -> {
            if (r.spec().sensitivity() == null) {
                throw new IllegalArgumentException("experiment " + id + " is a sweep, not a sensitivity study (it has"
                        + " no $.sensitivity)");
            }
            ExperimentPlan plan = ExperimentPlan.trusted(r.spec());
            return SensitivityAnalysis.analyse(plan, ResultAggregator.aggregate(plan, c -> store.forEachRun(id, c)));
        });
    }

    /** Compares every metric between two groups of runs; empty for an unknown id. */
    public Optional<List<MetricComparison>> compare(String id, RunGroup a, RunGroup b) {
        return store.find(id).map(r -> {
            ExperimentPlan plan = ExperimentPlan.trusted(r.spec());
            IntPredicate inA = a.points(plan);
            IntPredicate inB = b.points(plan);
            Map<String, double[]> va = ResultAggregator.collect(c -> store.forEachRun(id, c), inA);
            Map<String, double[]> vb = ResultAggregator.collect(c -> store.forEachRun(id, c), inB);
            return va.keySet().stream().filter(vb::containsKey)
                    .map(m -> Statistics.compare(m, va.get(m), vb.get(m))).toList();
        });
    }

    /** The time series of one point: mean and 95% band across its replicates; empty for an unknown id. */
    public Optional<SeriesBand> series(String id, int pointIndex) {
        return store.find(id).map(r -> {
            ExperimentPlan plan = ExperimentPlan.trusted(r.spec());
            if (pointIndex < 0 || pointIndex >= plan.points()) {
                throw new IllegalArgumentException("point " + pointIndex + " is not in 0.." + (plan.points() - 1));
            }
            return SeriesBand.of(store.series(id, pointIndex).stream().map(CompactSeries::decode).toList());
        });
    }

    /** Writes the results JSON (the API's {@code /results}); false for an unknown id. */
    public boolean writeResultsJson(String id, boolean withRuns, Writer out) throws IOException {
        Optional<ExperimentResults> results = results(id);
        if (results.isEmpty()) {
            return false;
        }
        ExperimentResults r = results.get();
        ResultsWriter.json(r.plan(), r.status(), r.points(), withRuns ? c -> store.forEachRun(id, c) : null, out);
        return true;
    }

    /** Writes {@code summary.csv} (one row per point and metric); false for an unknown id. */
    public boolean writeSummaryCsv(String id, Writer out) throws IOException {
        Optional<ExperimentResults> results = results(id);
        if (results.isEmpty()) {
            return false;
        }
        ResultsWriter.summaryCsv(results.get().plan(), results.get().points(), out);
        return true;
    }

    /** Writes {@code runs.csv} (one row per run); false for an unknown id. */
    public boolean writeRunsCsv(String id, Writer out) throws IOException {
        Optional<ExperimentRecord> r = store.find(id);
        if (r.isEmpty()) {
            return false;
        }
        ResultsWriter.runsCsv(ExperimentPlan.trusted(r.get().spec()), c -> store.forEachRun(id, c), out);
        return true;
    }

    /** Waits for an experiment to end (for scripts and tests); empty for an unknown or not-running id. */
    public Optional<ExperimentProgress> awaitEnd(String id, Duration timeout) throws Exception {
        Optional<ExperimentJob> job = runner.job(id);
        if (job.isEmpty()) {
            return status(id);
        }
        return Optional.of(job.get().finished().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        if (!properties.resumeOnStartup()) {
            return;
        }
        for (String id : store.findUnfinished()) {
            try {
                ExperimentRecord record = store.find(id).orElseThrow();
                ExperimentPlan plan = ExperimentPlan.trusted(record.spec(), engine);
                RunCounts counts = store.counts(id);
                runner.start(record, plan, Double.NaN);
                LOG.info("experiment {} resumed: {} of {} runs already finished", id, counts.done(), plan.runs());
            } catch (RuntimeException e) {
                LOG.error("could not resume experiment {}", id, e);
                store.updateStatus(id, ExperimentStatus.FAILED, "could not resume: " + e.getMessage(), clock.instant());
            }
        }
    }

    /** Stops running experiments so they resume at the next start; waits until no run touches the store. */
    @PreDestroy
    void shutdown() {
        runner.stopAll(SHUTDOWN_WAIT);
    }

    private double secondsPerRun(ExperimentPlan plan) {
        try {
            return estimator.preview(plan, 1).secondsPerRun();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
