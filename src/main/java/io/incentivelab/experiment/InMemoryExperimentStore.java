package io.incentivelab.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A store in memory, for the CLI and tests. A finished run is kept as its metrics' JSON text (about 1 kB for a
 * one-subnet scenario) rather than boxed doubles; series only when asked to (the CLI does not write them).
 */
public final class InMemoryExperimentStore implements ExperimentStore {

    private final boolean keepSeries;
    private final Map<String, Entry> experiments = new ConcurrentHashMap<>();

    public InMemoryExperimentStore(boolean keepSeries) {
        this.keepSeries = keepSeries;
    }

    private record Finished(RunStatus status, String error, String metrics, String scenarioHash, String engineVersion,
            long millis) {
    }

    private static final class Entry {
        volatile ExperimentRecord record;
        ExperimentOrigin origin;
        final ExperimentPlan plan;
        final Finished[] runs;
        final byte[][] series;

        Entry(ExperimentRecord record, ExperimentPlan plan) {
            this.record = record;
            this.plan = plan;
            this.runs = new Finished[plan.runs()];
            this.series = new byte[plan.runs()][];
        }
    }

    @Override
    public void create(ExperimentRecord experiment, ExperimentPlan plan, ExperimentOrigin origin) {
        Entry entry = new Entry(experiment, plan);
        entry.origin = origin;
        experiments.put(experiment.id(), entry);
    }

    @Override
    public List<String> findByOrigin(String group, Collection<String> keepMembers) {
        return experiments.values().stream()
                .filter(e -> e.origin != null && e.origin.group().equals(group)
                        && (keepMembers == null || !keepMembers.contains(e.origin.member())))
                .sorted((a, b) -> a.record.createdAt().compareTo(b.record.createdAt())).map(e -> e.record.id()).toList();
    }

    @Override
    public Optional<ExperimentOrigin> origin(String id) {
        Entry e = experiments.get(id);
        return e == null ? Optional.empty() : Optional.ofNullable(e.origin);
    }

    @Override
    public boolean delete(String id) {
        return experiments.remove(id) != null;
    }

    @Override
    public Optional<ExperimentRecord> find(String id) {
        Entry e = experiments.get(id);
        return e == null ? Optional.empty() : Optional.of(e.record);
    }

    @Override
    public List<String> findUnfinished() {
        return experiments.values().stream().filter(e -> !e.record.status().terminal())
                .sorted((a, b) -> a.record.createdAt().compareTo(b.record.createdAt())).map(e -> e.record.id()).toList();
    }

    @Override
    public synchronized void updateStatus(String id, ExperimentStatus status, String message, Instant at) {
        Entry e = experiments.get(id);
        if (e == null) {
            return; // deleted
        }
        ExperimentRecord r = e.record;
        e.record = new ExperimentRecord(r.id(), r.spec(), status, r.totalRuns(), message, r.createdAt(),
                status == ExperimentStatus.RUNNING && r.startedAt() == null ? at : r.startedAt(),
                status.terminal() ? at : r.finishedAt());
    }

    @Override
    public boolean saveRun(RunReport result) {
        Entry e = experiments.get(result.experimentId());
        if (e == null) {
            return false; // deleted while the run was computing
        }
        int i = result.run().runIndex();
        synchronized (e) {
            if (e.runs[i] != null) {
                return false;
            }
            e.runs[i] = new Finished(result.status(), result.error(),
                    result.status() == RunStatus.DONE ? MetricsCodec.encode(result.metrics()) : null, result.scenarioHash(),
                    result.engineVersion(), result.millis());
            if (keepSeries && result.status() == RunStatus.DONE) {
                e.series[i] = result.series();
            }
            return true;
        }
    }

    @Override
    public RunCounts counts(String id) {
        Entry e = experiments.get(id);
        int done = 0;
        int failed = 0;
        synchronized (e) {
            for (Finished r : e.runs) {
                if (r != null) {
                    done++;
                    failed += r.status() == RunStatus.FAILED ? 1 : 0;
                }
            }
        }
        return new RunCounts(done, failed);
    }

    @Override
    public BitSet finishedRuns(String id) {
        Entry e = experiments.get(id);
        BitSet bits = new BitSet(e.runs.length);
        synchronized (e) {
            for (int i = 0; i < e.runs.length; i++) {
                if (e.runs[i] != null) {
                    bits.set(i);
                }
            }
        }
        return bits;
    }

    @Override
    public void forEachRun(String id, Consumer<StoredRun> action) {
        Entry e = experiments.get(id);
        for (int i = 0; i < e.runs.length; i++) {
            Finished r;
            synchronized (e) {
                r = e.runs[i];
            }
            action.accept(r == null ? new StoredRun(e.plan.run(i), RunStatus.PENDING, null, Map.of(), null, null, 0)
                    : new StoredRun(e.plan.run(i), r.status(), r.error(), MetricsCodec.decode(r.metrics()), r.scenarioHash(),
                            r.engineVersion(), r.millis()));
        }
    }

    @Override
    public long storedBytes(String id) {
        Entry e = experiments.get(id);
        long bytes = 0;
        synchronized (e) {
            for (int i = 0; i < e.runs.length; i++) {
                Finished r = e.runs[i];
                bytes += CostEstimator.FIXED_BYTES_PER_RUN;
                if (r != null) {
                    bytes += (r.metrics() == null ? 0 : r.metrics().length()) + (r.error() == null ? 0 : r.error().length());
                }
                bytes += e.series[i] == null ? 0 : e.series[i].length;
            }
        }
        return bytes;
    }

    @Override
    public List<byte[]> series(String id, int pointIndex) {
        Entry e = experiments.get(id);
        int reps = e.plan.spec().replicates();
        List<byte[]> list = new ArrayList<>();
        synchronized (e) {
            for (int i = pointIndex * reps; i < (pointIndex + 1) * reps; i++) {
                if (e.series[i] != null) {
                    list.add(e.series[i]);
                }
            }
        }
        return list;
    }
}
