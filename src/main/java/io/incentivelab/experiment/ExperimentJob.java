package io.incentivelab.experiment;

import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One experiment executing in this process: counts finished runs as the store accepts them, estimates the
 * time left, tells listeners, and settles the final status. Created by {@link ExperimentRunner}.
 */
public final class ExperimentJob {

    private static final System.Logger LOG = System.getLogger(ExperimentJob.class.getName());
    private static final long PUBLISH_INTERVAL_NANOS = 250_000_000L;

    private final String id;
    private final String name;
    private final int total;
    private final ExperimentStore store;
    private final Clock clock;
    private final double estimatedSecondsPerRun;
    private final int parallelism;
    private final List<Consumer<ExperimentProgress>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ExperimentProgress> finished = new CompletableFuture<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Consumer<ExperimentJob> ended;
    private final int doneAtStart;
    private volatile RunExecutor.Execution execution;
    private volatile ExperimentStatus status;
    private volatile String message;
    private volatile String storageError;
    private int done;
    private int failed;
    private long startNanos;
    private long runningSinceNanos;
    private long endNanos;
    private long lastPublish;

    /** @param ended called once as the job ends, after the listeners heard the end and before {@link #finished()} completes */
    ExperimentJob(String id, String name, int total, RunCounts counts, ExperimentStatus status, ExperimentStore store,
            Clock clock, double estimatedSecondsPerRun, int parallelism, Consumer<ExperimentJob> ended) {
        this.id = id;
        this.ended = ended;
        this.name = name;
        this.total = total;
        this.done = counts.done();
        this.failed = counts.failed();
        this.doneAtStart = counts.done();
        this.status = status;
        this.store = store;
        this.clock = clock;
        this.estimatedSecondsPerRun = estimatedSecondsPerRun;
        this.parallelism = parallelism;
    }

    public String id() {
        return id;
    }

    /**
     * Completes with the final progress when the job ends (also when it is stopped by a shutdown). By then no run of
     * it executes any more, the runner no longer lists it, and (unless it stopped for a shutdown) every listener has
     * been told the final progress.
     */
    public CompletableFuture<ExperimentProgress> finished() {
        return finished;
    }

    public synchronized ExperimentProgress progress() {
        Long eta = null;
        if (!status.terminal()) {
            int remaining = total - done;
            int doneNow = done - doneAtStart;
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            if (doneNow > 0 && elapsed > 0) {
                eta = Math.round(remaining * elapsed / doneNow);
            } else if (Double.isFinite(estimatedSecondsPerRun)) {
                eta = Math.round(remaining * estimatedSecondsPerRun / parallelism);
            }
        }
        return new ExperimentProgress(id, name, status, total, done, failed, eta, message);
    }

    /**
     * The measured seconds of one run in this job, in the cost preview's terms: wall time from the first run's
     * start to the end, over the waves of {@code parallelism} runs it took (⌈runs / parallelism⌉); NaN until the
     * job has ended with runs finished here.
     */
    public synchronized double measuredSecondsPerRun() {
        int doneNow = done - doneAtStart;
        if (doneNow <= 0 || runningSinceNanos == 0 || endNanos == 0) {
            return Double.NaN;
        }
        int waves = (doneNow + Math.max(1, parallelism) - 1) / Math.max(1, parallelism);
        return (endNanos - runningSinceNanos) / 1e9 / waves;
    }

    /** The seconds per run the cost preview estimated when the job started (NaN if unknown). */
    public double estimatedSecondsPerRun() {
        return estimatedSecondsPerRun;
    }

    /**
     * Adds a listener; it gets the current progress at once and then every change (at most 4 a second while running,
     * always the final state). Listeners are called one after another, in the order they subscribed.
     */
    public Runnable subscribe(Consumer<ExperimentProgress> listener) {
        listeners.add(listener);
        safely(listener, progress());
        return () -> listeners.remove(listener);
    }

    /** Asks the job to stop: queued runs never start, running runs stop at their next epoch. */
    public void cancel() {
        cancelRequested.set(true);
        RunExecutor.Execution e = execution;
        if (e != null) {
            e.cancel();
        }
    }

    /** Stops for an app shutdown: the status stays QUEUED/RUNNING so the experiment resumes at the next start. */
    void stopForShutdown() {
        stopping.set(true);
        cancel();
    }

    void begin(RunExecutor executor, Iterator<RunTask> tasks) {
        synchronized (this) {
            startNanos = System.nanoTime();
            lastPublish = startNanos;
        }
        RunExecutor.Execution e = executor.submit(id, tasks, new RunExecutor.RunSink() {
            @Override
            public void started() {
                onStarted();
            }

            @Override
            public void finished(RunReport result) {
                onRunFinished(result);
            }
        });
        execution = e;
        if (cancelRequested.get()) {
            e.cancel();
        }
        e.completion().whenComplete((v, error) -> onCompletion(error));
    }

    private void onStarted() {
        synchronized (this) {
            if (runningSinceNanos == 0) {
                runningSinceNanos = System.nanoTime();
            }
        }
        if (stopping.get() || cancelRequested.get()) {
            return;
        }
        synchronized (this) {
            if (status != ExperimentStatus.QUEUED) {
                return;
            }
            status = ExperimentStatus.RUNNING;
        }
        store.updateStatus(id, ExperimentStatus.RUNNING, null, clock.instant());
        publish(true);
    }

    private void onRunFinished(RunReport result) {
        boolean first;
        try {
            first = store.saveRun(result);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not store run " + result.run().runIndex() + " of experiment " + id, e);
            storageError = "could not store results: " + e.getMessage();
            cancel();
            return;
        }
        if (first) {
            synchronized (this) {
                done++;
                if (result.status() == RunStatus.FAILED) {
                    failed++;
                }
            }
            publish(false);
        }
    }

    private void onCompletion(Throwable error) {
        if (stopping.get()) {
            ExperimentProgress last = progress();
            ended.accept(this);
            finished.complete(last);
            return;
        }
        ExperimentStatus end;
        String why = null;
        int doneNow;
        int failedNow;
        synchronized (this) {
            doneNow = done;
            failedNow = failed;
        }
        if (storageError != null || error != null) {
            end = ExperimentStatus.FAILED;
            why = storageError != null ? storageError : "internal error: " + error.getMessage();
            if (error != null) {
                LOG.log(System.Logger.Level.ERROR, "experiment " + id + " failed", error);
            }
        } else if (cancelRequested.get()) {
            end = ExperimentStatus.CANCELLED;
            why = "cancelled after " + doneNow + " of " + total + " runs";
        } else if (doneNow < total) {
            end = ExperimentStatus.FAILED;
            why = (total - doneNow) + " runs did not finish";
        } else if (failedNow == total && total > 0) {
            end = ExperimentStatus.FAILED;
            why = "every run failed; see the runs' errors";
        } else {
            end = ExperimentStatus.COMPLETED;
        }
        try {
            store.updateStatus(id, end, why, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not store the end of experiment " + id, e);
        }
        synchronized (this) {
            status = end;
            message = why;
            endNanos = System.nanoTime();
        }
        ExperimentProgress last = progress();
        publish(true);
        ended.accept(this);
        finished.complete(last);
    }

    private void publish(boolean force) {
        long now = System.nanoTime();
        synchronized (this) {
            if (!force && now - lastPublish < PUBLISH_INTERVAL_NANOS) {
                return;
            }
            lastPublish = now;
        }
        ExperimentProgress p = progress();
        for (Consumer<ExperimentProgress> l : listeners) {
            safely(l, p);
        }
    }

    private static void safely(Consumer<ExperimentProgress> listener, ExperimentProgress p) {
        try {
            listener.accept(p);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "progress listener failed", e);
        }
    }
}
