package io.incentivelab.experiment.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.IMap;
import io.incentivelab.experiment.RunEngine;
import io.incentivelab.experiment.RunReport;
import io.incentivelab.experiment.RunTask;
import io.incentivelab.experiment.RunTaskExecution;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * One cluster task: runs a {@link RunTask}'s runs in order on the worker member that picked it up, with the
 * engine of that member, and returns their results. The same code as a local task ({@link RunTaskExecution}):
 * a run that throws comes back FAILED and the next one goes on; a run stopped by cancellation comes back not
 * at all. Executing it again (failover) gives the same results.
 */
final class RemoteRunTask implements Callable<List<RunReport>>, Serializable, HazelcastInstanceAware {

    private static final long serialVersionUID = 1L;
    /** How often a running task asks the cluster whether its submission was cancelled. */
    static final long CANCEL_POLL_NANOS = 100_000_000L;

    private final String submissionId;
    private final RunTask task;
    private final int seriesPoints;
    private transient HazelcastInstance member;

    RemoteRunTask(String submissionId, RunTask task, int seriesPoints) {
        this.submissionId = submissionId;
        this.task = task;
        this.seriesPoints = seriesPoints;
    }

    RunTask task() {
        return task;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.member = instance;
    }

    @Override
    public List<RunReport> call() {
        RunEngine engine = (RunEngine) member.getUserContext().get(ClusterConfigs.ENGINE_KEY);
        if (engine == null) {
            throw new IllegalStateException("member " + member.getName() + " has no run engine: start workers as the app "
                    + "jar with lab.executor.mode=hazelcast and lab.executor.cluster.role=WORKER");
        }
        CancelFlag cancelled = new CancelFlag(member.getMap(ClusterConfigs.CANCEL_MAP), submissionId);
        List<RunReport> results = new ArrayList<>(task.runs().size());
        if (!cancelled.now()) {
            RunTaskExecution.execute(task, engine, seriesPoints, cancelled, results::add);
        }
        return results;
    }

    /**
     * Whether the submission was cancelled: the thread was interrupted (future cancelled) or the cluster flag is
     * set. The flag is read from the cluster at most every {@link #CANCEL_POLL_NANOS}; once seen it stays true.
     */
    static final class CancelFlag implements BooleanSupplier {
        private final IMap<String, Boolean> flags;
        private final String id;
        private long lastPoll;
        private boolean seen;

        CancelFlag(IMap<String, Boolean> flags, String id) {
            this.flags = flags;
            this.id = id;
        }

        boolean now() {
            lastPoll = System.nanoTime();
            seen = seen || flags.containsKey(id);
            return seen;
        }

        @Override
        public boolean getAsBoolean() {
            if (seen || Thread.currentThread().isInterrupted()) {
                return true;
            }
            return System.nanoTime() - lastPoll >= CANCEL_POLL_NANOS && now();
        }
    }
}
