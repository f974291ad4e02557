package io.incentivelab.experiment;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on a fixed pool of daemon threads in this process. Each submission keeps at most
 * 2 × threads tasks in the pool's queue and pulls the next when one ends, so memory stays bounded and
 * several experiments share the threads in turn.
 */
public final class LocalRunExecutor implements RunExecutor {

    private final RunEngine engine;
    private final int threads;
    private final int seriesPoints;
    private final ThreadPoolExecutor pool;

    public LocalRunExecutor(RunEngine engine, int threads, int seriesPoints) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.engine = engine;
        this.threads = threads;
        this.seriesPoints = seriesPoints;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "experiment-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public Execution submit(String experimentId, Iterator<RunTask> tasks, RunSink sink) {
        Submission s = new Submission(tasks, sink);
        s.pump();
        return s;
    }

    private final class Submission implements Execution {
        private final Iterator<RunTask> tasks;
        private final RunSink sink;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean started = new AtomicBoolean();
        private final CompletableFuture<Void> completion = new CompletableFuture<>();
        private int inFlight;

        Submission(Iterator<RunTask> tasks, RunSink sink) {
            this.tasks = tasks;
            this.sink = sink;
        }

        /** Tops the window up; completes the submission when nothing is left to run. */
        void pump() {
            synchronized (this) {
                try {
                    while (!cancelled.get() && inFlight < 2 * threads && tasks.hasNext()) {
                        RunTask task = tasks.next();
                        inFlight++;
                        try {
                            pool.execute(() -> execute(task));
                        } catch (RejectedExecutionException e) {
                            inFlight--;
                            cancelled.set(true);
                        }
                    }
                } catch (RuntimeException e) {
                    cancelled.set(true);
                    completion.completeExceptionally(e);
                }
                if (inFlight == 0 && (cancelled.get() || !tasks.hasNext())) {
                    completion.complete(null);
                }
            }
        }

        private void execute(RunTask task) {
            try {
                if (!cancelled.get()) {
                    if (started.compareAndSet(false, true)) {
                        sink.started();
                    }
                    RunTaskExecution.execute(task, engine, seriesPoints,
                            () -> cancelled.get() || Thread.currentThread().isInterrupted(), sink::finished);
                }
            } catch (RuntimeException e) {
                cancelled.set(true);
                completion.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    inFlight--;
                }
                pump();
            }
        }

        @Override
        public void cancel() {
            cancelled.set(true);
            synchronized (this) {
                if (inFlight == 0) {
                    completion.complete(null);
                }
            }
        }

        @Override
        public CompletableFuture<Void> completion() {
            return completion;
        }
    }

    /** Stops the pool: interrupts running tasks and waits briefly for them to return. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
