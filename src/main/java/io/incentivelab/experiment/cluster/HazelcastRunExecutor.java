package io.incentivelab.experiment.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.durableexecutor.DurableExecutorService;
import com.hazelcast.durableexecutor.DurableExecutorServiceFuture;
import com.hazelcast.map.IMap;
import io.incentivelab.experiment.RunExecutor;
import io.incentivelab.experiment.RunRef;
import io.incentivelab.experiment.RunReport;
import io.incentivelab.experiment.RunTask;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes run tasks on the worker members of a Hazelcast cluster through its durable executor: each task is
 * stored on its partition's owner and a backup, so a worker that dies mid-task has it re-run by another (the
 * store's idempotent keys record each run once). Consecutive tasks of one sweep point are merged up to
 * {@code runsPerTask} runs; at most {@code maxInFlight} tasks are submitted and unfinished at a time (the
 * executor's capacity per partition is finite). Cancel sets a cluster flag that tasks poll between runs and
 * epochs; futures still unfinished {@value #CANCEL_GRACE_SECONDS} s later are cancelled too.
 */
public final class HazelcastRunExecutor implements RunExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastRunExecutor.class);
    static final int CANCEL_GRACE_SECONDS = 5;
    private static final long NO_WORKER_LOG_NANOS = 30_000_000_000L;

    private final HazelcastInstance hazelcast;
    private final ExecutorProperties.Cluster settings;
    private final int seriesPoints;
    private final DurableExecutorService executor;
    private final IMap<String, Boolean> cancelFlags;
    private final Semaphore window;
    private final ExecutorService feeders;
    private final ExecutorService callbacks;
    private final ScheduledExecutorService timer;

    public HazelcastRunExecutor(HazelcastInstance hazelcast, ExecutorProperties.Cluster settings, int seriesPoints) {
        this.hazelcast = hazelcast;
        this.settings = settings;
        this.seriesPoints = seriesPoints;
        this.executor = hazelcast.getDurableExecutorService(ClusterConfigs.EXECUTOR);
        this.cancelFlags = hazelcast.getMap(ClusterConfigs.CANCEL_MAP);
        this.window = new Semaphore(settings.maxInFlight());
        AtomicInteger n = new AtomicInteger();
        this.feeders = Executors.newCachedThreadPool(r -> daemon(r, "cluster-submit-" + n.incrementAndGet()));
        this.callbacks = Executors.newSingleThreadExecutor(r -> daemon(r, "cluster-results"));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cluster-cancel"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Worker members now in the cluster × worker threads each (at least 1). */
    @Override
    public int parallelism() {
        return Math.max(1, workers() * settings.effectiveWorkerThreads());
    }

    int workers() {
        int n = 0;
        for (Member m : hazelcast.getCluster().getMembers()) {
            if (!m.isLiteMember()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Execution submit(String experimentId, Iterator<RunTask> tasks, RunSink sink) {
        Submission s = new Submission(merged(tasks, settings.runsPerTask()), sink);
        feeders.execute(s::feed);
        return s;
    }

    /** Joins consecutive tasks of the same experiment and scenario while together they hold at most {@code max} runs. */
    static Iterator<RunTask> merged(Iterator<RunTask> tasks, int max) {
        return new Iterator<>() {
            private RunTask next;

            @Override
            public boolean hasNext() {
                return next != null || tasks.hasNext();
            }

            @Override
            public RunTask next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                RunTask current = next != null ? next : tasks.next();
                next = null;
                List<RunRef> runs = null;
                while (tasks.hasNext()) {
                    RunTask t = tasks.next();
                    int size = (runs == null ? current.runs().size() : runs.size()) + t.runs().size();
                    if (!t.experimentId().equals(current.experimentId()) || !t.scenarioJson().equals(current.scenarioJson()) || size > max) {
                        next = t;
                        break;
                    }
                    if (runs == null) {
                        runs = new ArrayList<>(current.runs());
                    }
                    runs.addAll(t.runs());
                }
                return runs == null ? current : new RunTask(current.experimentId(), current.scenarioJson(), runs);
            }
        };
    }

    /** Stops the helper threads; the Hazelcast member itself is shut down by Spring. */
    @Override
    public void close() {
        feeders.shutdownNow();
        callbacks.shutdown();
        timer.shutdownNow();
        try {
            callbacks.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Submission implements Execution {
        private final String id = UUID.randomUUID().toString();
        private final Iterator<RunTask> tasks;
        private final RunSink sink;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean started = new AtomicBoolean();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicBoolean fedAll = new AtomicBoolean();
        private final AtomicReference<Throwable> error = new AtomicReference<>();
        private final Set<DurableExecutorServiceFuture<List<RunReport>>> pending = ConcurrentHashMap.newKeySet();
        private final CompletableFuture<Void> completion = new CompletableFuture<>();

        Submission(Iterator<RunTask> tasks, RunSink sink) {
            this.tasks = tasks;
            this.sink = sink;
        }

        /** On a feeder thread: submits the tasks one by one as the window allows, until all are out or cancelled. */
        void feed() {
            try {
                awaitWorker();
                while (!cancelled.get() && tasks.hasNext()) {
                    if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    if (cancelled.get()) {
                        window.release();
                        break;
                    }
                    RemoteRunTask task = new RemoteRunTask(id, tasks.next(), seriesPoints);
                    inFlight.incrementAndGet();
                    DurableExecutorServiceFuture<List<RunReport>> f;
                    try {
                        f = executor.submit(task);
                    } catch (RuntimeException e) {
                        inFlight.decrementAndGet();
                        window.release();
                        throw e;
                    }
                    pending.add(f);
                    if (started.compareAndSet(false, true)) {
                        sink.started();
                    }
                    f.whenCompleteAsync((results, e) -> taskEnded(f, results, e), callbacks);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled.set(true);
            } catch (RuntimeException e) {
                fail(e);
            } finally {
                fedAll.set(true);
                maybeComplete();
            }
        }

        /** Waits (the experiment stays QUEUED) until a worker member is in the cluster, or the submission is cancelled. */
        private void awaitWorker() throws InterruptedException {
            long since = System.nanoTime();
            long logged = since - NO_WORKER_LOG_NANOS;
            while (!cancelled.get() && workers() == 0) {
                if (System.nanoTime() - logged >= NO_WORKER_LOG_NANOS) {
                    LOG.warn("no worker member in cluster '{}' yet: experiment tasks wait for one", settings.name());
                    logged = System.nanoTime();
                }
                Thread.sleep(200);
            }
        }

        private void taskEnded(DurableExecutorServiceFuture<List<RunReport>> f, List<RunReport> results, Throwable e) {
            try {
                if (e == null) {
                    for (RunReport r : results) {
                        sink.finished(r);
                    }
                    dispose(f);
                } else if (!cancelled.get() && !(unwrap(e) instanceof CancellationException)) {
                    fail(unwrap(e));
                }
            } catch (RuntimeException ex) {
                fail(ex);
            } finally {
                pending.remove(f);
                window.release();
                inFlight.decrementAndGet();
                maybeComplete();
            }
        }

        /** The result stays in the worker's ring buffer until overwritten; free it now. */
        private void dispose(DurableExecutorServiceFuture<List<RunReport>> f) {
            try {
                executor.disposeResult(f.getTaskId());
            } catch (RuntimeException ex) {
                LOG.debug("could not dispose the result of task {}", f.getTaskId(), ex);
            }
        }

        private void fail(Throwable e) {
            if (error.compareAndSet(null, e)) {
                LOG.error("cluster execution {} failed; stopping it", id, e);
                cancel();
            }
        }

        private void maybeComplete() {
            if (fedAll.get() && inFlight.get() == 0) {
                Throwable e = error.get();
                if (e == null) {
                    completion.complete(null);
                } else {
                    completion.completeExceptionally(e);
                }
            }
        }

        @Override
        public void cancel() {
            if (!cancelled.compareAndSet(false, true)) {
                return;
            }
            try {
                cancelFlags.set(id, Boolean.TRUE);
            } catch (RuntimeException e) {
                LOG.warn("could not set the cancel flag of cluster execution {}: {}", id, e.toString());
            }
            try {
                timer.schedule(() -> pending.forEach(f -> f.cancel(true)), CANCEL_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (RejectedExecutionException e) {
                pending.forEach(f -> f.cancel(true));
            }
        }

        @Override
        public CompletableFuture<Void> completion() {
            return completion;
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
