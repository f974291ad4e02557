package io.incentivelab.experiment;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;

/**
 * Executes run tasks somewhere: {@link LocalRunExecutor} on a thread pool of this process; a cluster
 * implementation can execute them on other members. Implementations call the sink for every finished run
 * (on any thread; possibly twice for one run after a retry) and never for a run stopped by cancellation.
 */
public interface RunExecutor extends AutoCloseable {

    /** How many runs execute at once. */
    int parallelism();

    /**
     * Starts executing the tasks and returns at once. Tasks are pulled from the iterator lazily (on the
     * caller's or a worker's thread, one at a time), keeping only a bounded window in flight.
     */
    Execution submit(String experimentId, Iterator<RunTask> tasks, RunSink sink);

    @Override
    void close();

    /** Where finished runs go. */
    interface RunSink {

        /** The first task of the submission has begun executing. */
        void started();

        void finished(RunReport result);
    }

    /** One submission. */
    interface Execution {

        /** Cooperative stop: tasks not begun are skipped, running ones stop at the next epoch boundary. */
        void cancel();

        /** Completes when no task of the submission executes any more (all done, skipped or stopped). */
        CompletableFuture<Void> completion();
    }
}
