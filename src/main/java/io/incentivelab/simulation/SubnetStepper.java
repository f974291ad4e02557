package io.incentivelab.simulation;

import io.incentivelab.simulation.yuma.YumaWorkspace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Steps every subnet of a run through one network step (its own epochs in it), or runs a task per subnet, on the
 * calling thread or over a small pool owned by the run whose threads take the subnets one by one. Each subnet's
 * state is touched by one thread at a time and the caller waits for all, so the outcome does not depend on the
 * thread count.
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
     * Runs {@code task} once for every subnet and waits for all of them: each thread takes the next subnet not yet
     * taken, so a thread that drew cheap subnets does not wait for one that drew dear ones. The task must touch
     * only the subnet it is given (and the workspace's scratch), so which thread runs a subnet does not matter.
     */
    void forEach(SubnetTask task) {
        if (pool == null) {
            for (int s = 0; s < runs.length; s++) {
                task.run(s, workspaces[0]);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(blocks - 1);
        for (int b = 1; b < blocks; b++) {
            YumaWorkspace ws = workspaces[b];
            Callable<Void> call = () -> {
                runTaken(next, ws, task);
                return null;
            };
            futures.add(pool.submit(call));
        }
        RuntimeException failure = null;
        try {
            runTaken(next, workspaces[0], task);
        } catch (RuntimeException ex) {
            failure = ex;
            next.set(runs.length); // the others stop after their current subnet
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

    private void runTaken(AtomicInteger next, YumaWorkspace ws, SubnetTask task) {
        for (int s = next.getAndIncrement(); s < runs.length; s = next.getAndIncrement()) {
            task.run(s, ws);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
