package io.incentivelab.experiment;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts experiments on an executor and keeps track of the ones executing in this process. Spring-free: the
 * CLI uses it with an in-memory store, the app through {@link ExperimentService} with H2.
 *
 * <p>Runs are grouped into tasks of consecutive replicates of one point (one scenario per task): enough runs
 * per task that a task lasts about {@value #TARGET_TASK_SECONDS} s, but at least 4 tasks per thread when the
 * experiment is big enough, so the threads stay busy to the end.
 */
public final class ExperimentRunner {

    static final double TARGET_TASK_SECONDS = 0.05;

    private final ExperimentStore store;
    private final RunExecutor executor;
    private final Clock clock;
    private final Map<String, ExperimentJob> jobs = new ConcurrentHashMap<>();

    public ExperimentRunner(ExperimentStore store, RunExecutor executor, Clock clock) {
        this.store = store;
        this.executor = executor;
        this.clock = clock;
    }

    public RunExecutor executor() {
        return executor;
    }

    /**
     * Starts (or resumes) a stored experiment: every run not yet finished is queued; finished runs are left alone.
     *
     * @param estimatedSecondsPerRun for the ETA before the first run ends (NaN if unknown)
     */
    public ExperimentJob start(ExperimentRecord record, ExperimentPlan plan, double estimatedSecondsPerRun) {
        String id = record.id();
        RunCounts counts = store.counts(id);
        ExperimentStatus status = record.status() == ExperimentStatus.RUNNING ? ExperimentStatus.RUNNING : ExperimentStatus.QUEUED;
        ExperimentJob job = new ExperimentJob(id, record.spec().name(), plan.runs(), counts, status, store, clock,
                estimatedSecondsPerRun, executor.parallelism(), ended -> jobs.remove(id, ended));
        jobs.put(id, job);
        job.begin(executor, tasks(id, plan, store.finishedRuns(id), estimatedSecondsPerRun, executor.parallelism()));
        return job;
    }

    public Optional<ExperimentJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Stops every job for a shutdown, leaving them to resume at the next start, and waits until they return. */
    public void stopAll(Duration wait) {
        List<ExperimentJob> stopping = List.copyOf(jobs.values());
        stopping.forEach(ExperimentJob::stopForShutdown);
        long deadline = System.nanoTime() + wait.toNanos();
        for (ExperimentJob job : stopping) {
            try {
                job.finished().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // gone or too slow: its unfinished runs simply run again at the next start
            }
        }
    }

    /**
     * The tasks of the runs not finished yet, generated lazily point by point (a point's scenario JSON is
     * built only when its first task is pulled), so a big experiment holds only the executor's window in memory.
     * A plan that read its points' scenarios hands each point's reading to its tasks and then forgets it.
     */
    static Iterator<RunTask> tasks(String id, ExperimentPlan plan, BitSet finished, double secondsPerRun, int threads) {
        int pending = plan.runs() - finished.cardinality();
        int perTaskTarget = Double.isFinite(secondsPerRun) && secondsPerRun > 0
                ? (int) Math.ceil(TARGET_TASK_SECONDS / secondsPerRun) : 1;
        int perTask = Math.max(1, Math.min(perTaskTarget, (int) Math.ceil(pending / (4.0 * threads))));
        int replicates = plan.spec().replicates();
        return new Iterator<>() {
            private int runIndex = finished.nextClearBit(0);
            private int scenarioPoint = -1;
            private String scenario;
            private RunTask.Local local;

            @Override
            public boolean hasNext() {
                return runIndex < plan.runs();
            }

            @Override
            public RunTask next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int point = runIndex / replicates;
                if (point != scenarioPoint) {
                    if (scenarioPoint >= 0) {
                        plan.release(scenarioPoint);
                    }
                    scenario = plan.scenario(point).toString();
                    local = read(plan, point);
                    scenarioPoint = point;
                }
                List<RunRef> chunk = new ArrayList<>(perTask);
                int end = (point + 1) * replicates;
                while (runIndex < end && chunk.size() < perTask) {
                    chunk.add(plan.run(runIndex));
                    runIndex = finished.nextClearBit(runIndex + 1);
                }
                return new RunTask(id, scenario, chunk, local);
            }
        };
    }

    /** The point's scenario as the plan read it, for tasks executed here; null if the plan does not read scenarios or cannot. */
    private static RunTask.Local read(ExperimentPlan plan, int point) {
        if (!plan.readsScenarios()) {
            return null;
        }
        try {
            return new RunTask.Local(plan.prepared(point, null));
        } catch (RuntimeException e) {
            return null; // the task reads the JSON and reports the failure per run
        }
    }
}
