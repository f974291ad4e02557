package io.incentivelab.experiment;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on a fixed pool of daemon threads in this process. Submissions queue behind each other (FIFO),
 * so a second experiment waits until the first has handed out its tasks.
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
    public Execution submit(String experimentId, List<RunTask> tasks, RunSink sink) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean started = new AtomicBoolean();
        AtomicInteger remaining = new AtomicInteger(tasks.size());
        CompletableFuture<Void> completion = new CompletableFuture<>();
        if (tasks.isEmpty()) {
            completion.complete(null);
        }
        for (RunTask task : tasks) {
            try {
                pool.execute(() -> {
                    try {
                        if (!cancelled.get()) {
                            if (started.compareAndSet(false, true)) {
                                sink.started();
                            }
                            RunTaskExecution.execute(task, engine, seriesPoints,
                                    () -> cancelled.get() || Thread.currentThread().isInterrupted(), sink::finished);
                        }
                    } catch (RuntimeException e) {
                        completion.completeExceptionally(e);
                    } finally {
                        if (remaining.decrementAndGet() == 0) {
                            completion.complete(null);
                        }
                    }
                });
            } catch (RejectedExecutionException e) {
                cancelled.set(true);
                if (remaining.decrementAndGet() == 0) {
                    completion.complete(null);
                }
            }
        }
        return new Execution() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public CompletableFuture<Void> completion() {
                return completion;
            }
        };
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
