package io.incentivelab.simulation;

import io.incentivelab.simulation.yuma.YumaWorkspace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Steps every subnet of a run through one network step (its own epochs in it), on the calling thread or split into contiguous blocks of
 * subnets over a small pool owned by the run. Each subnet's state is touched by one thread per epoch and
 * the caller waits for all blocks, so the outcome does not depend on the thread count.
 */
final class SubnetStepper implements AutoCloseable {

    private final SubnetRun[] runs;
    private final YumaWorkspace[] workspaces;
    private final ExecutorService pool;
    private final int blocks;

    SubnetStepper(SubnetRun[] runs, int threads) {
        this.runs = runs;
        this.blocks = Math.max(1, Math.min(threads, runs.length));
        this.workspaces = new YumaWorkspace[blocks];
        for (int i = 0; i < blocks; i++) {
            workspaces[i] = new YumaWorkspace();
        }
        this.pool = blocks > 1 ? Executors.newFixedThreadPool(blocks - 1, r -> {
            Thread t = new Thread(r, "simulator-subnets");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * Runs one network step of every subnet s: {@code plan.accept(s)}, on subnet s's thread, schedules the
     * subnet's epochs in the step ({@link SubnetRun#dueEpoch}; it must touch subnet s only), then they run
     * ({@link SubnetRun#stepDue}) and the rao they left unpaid goes into {@code left[s]}.
     */
    void step(long[] left, IntConsumer plan) {
        forEach((s, ws) -> {
            plan.accept(s);
            left[s] = runs[s].stepDue(ws);
        });
    }

    /** What {@link #forEach} runs for one subnet, with the workspace of the thread it runs on. */
    interface SubnetTask {
        void run(int subnet, YumaWorkspace workspace);
    }

    /**
     * Runs {@code task} once for every subnet, the subnets split into contiguous blocks over the pool, and waits
     * for all of them; the task must touch only the subnet it is given (and the workspace's scratch).
     */
    void forEach(SubnetTask task) {
        if (pool == null) {
            runRange(0, runs.length, 0, task);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(blocks - 1);
        for (int b = 1; b < blocks; b++) {
            int from = runs.length * b / blocks;
            int to = runs.length * (b + 1) / blocks;
            int ws = b;
            Callable<Void> call = () -> {
                runRange(from, to, ws, task);
                return null;
            };
            futures.add(pool.submit(call));
        }
        RuntimeException failure = null;
        try {
            runRange(0, runs.length / blocks, 0, task);
        } catch (RuntimeException ex) {
            failure = ex;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stepping subnets", ex);
            } catch (ExecutionException ex) {
                if (failure == null) {
                    failure = ex.getCause() instanceof RuntimeException re ? re : new IllegalStateException(ex.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void runRange(int from, int to, int ws, SubnetTask task) {
        for (int s = from; s < to; s++) {
            task.run(s, workspaces[ws]);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
