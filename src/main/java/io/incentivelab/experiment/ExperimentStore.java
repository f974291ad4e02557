package io.incentivelab.experiment;

import java.time.Instant;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where experiments and their runs live: H2 in the app ({@link JdbcExperimentStore}), memory in the CLI
 * ({@link InMemoryExperimentStore}). Saving a run is idempotent: only a PENDING run changes, so a result
 * delivered twice is stored once.
 */
public interface ExperimentStore {

    /** Stores a new experiment and one PENDING row per run (with its seed), atomically. */
    default void create(ExperimentRecord experiment, ExperimentPlan plan) {
        create(experiment, plan, null);
    }

    /** As {@link #create(ExperimentRecord, ExperimentPlan)}, recording who started it (or null). */
    void create(ExperimentRecord experiment, ExperimentPlan plan, ExperimentOrigin origin);

    /**
     * Ids of the experiments whose origin is in {@code group}, oldest first; with {@code keepMembers} non-null, only
     * those whose origin's member is not in it.
     */
    List<String> findByOrigin(String group, Collection<String> keepMembers);

    /** Who started the experiment; empty for API experiments and unknown ids. */
    Optional<ExperimentOrigin> origin(String id);

    /** Deletes the experiment and every run of it; false if there was none. */
    boolean delete(String id);

    Optional<ExperimentRecord> find(String id);

    /** Ids of experiments left QUEUED or RUNNING, oldest first. */
    List<String> findUnfinished();

    /** Sets the status; RUNNING sets the start time if unset, a terminal status the finish time. */
    void updateStatus(String id, ExperimentStatus status, String message, Instant at);

    /** Records a finished run; true if the run was PENDING (first delivery), false if already finished. */
    boolean saveRun(RunReport result);

    RunCounts counts(String id);

    /** The run indexes already finished (DONE or FAILED). */
    BitSet finishedRuns(String id);

    /** Every run of the experiment in run-index order (metrics parsed, series not loaded). */
    void forEachRun(String id, Consumer<StoredRun> action);

    /** Bytes held for the experiment's runs (metrics text, series, error texts and fixed columns). */
    long storedBytes(String id);

    /** The encoded time series of the DONE runs of one point, in run-index order. */
    List<byte[]> series(String id, int pointIndex);
}
