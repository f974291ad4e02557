package io.incentivelab.experiment;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Experiments and runs in H2 (schema V2, owned by Flyway). */
@Repository
class JdbcExperimentStore implements ExperimentStore {

    private static final ExperimentLimits READ_BACK = new ExperimentLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;

    JdbcExperimentStore(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
    }

    @Override
    public void create(ExperimentRecord e, ExperimentPlan plan, ExperimentOrigin origin) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO experiment (id, name, spec, status, total_runs, message, created_at, notebook_id, cell_id)
                    VALUES (:id, :name, :spec, :status, :total, :message, :created, :notebook, :cell)""")
                    .param("id", e.id()).param("name", e.spec().name())
                    // the origin's group and member, in the columns named for the notebooks that were the first origin
                    .param("notebook", origin == null ? null : origin.group(), Types.VARCHAR)
                    .param("cell", origin == null ? null : origin.member(), Types.VARCHAR)
                    .param("spec", ExperimentSpecCodec.toJson(e.spec()).toString())
                    .param("status", e.status().name()).param("total", e.totalRuns()).param("message", e.message())
                    .param("created", Timestamp.from(e.createdAt())).update();
            List<Object[]> rows = new ArrayList<>(BATCH);
            for (int i = 0; i < plan.runs(); i++) {
                RunRef r = plan.run(i);
                rows.add(new Object[] {e.id(), r.runIndex(), r.pointIndex(), r.replicate(), r.seed()});
                if (rows.size() == BATCH || i == plan.runs() - 1) {
                    template.batchUpdate("INSERT INTO experiment_run (experiment_id, run_index, point_index, replicate, seed, status) "
                            + "VALUES (?, ?, ?, ?, ?, 'PENDING')", rows,
                            new int[] {Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.BIGINT});
                    rows.clear();
                }
            }
        });
    }

    @Override
    public Optional<ExperimentRecord> find(String id) {
        return jdbc.sql("SELECT * FROM experiment WHERE id = :id").param("id", id)
                .query((rs, i) -> new ExperimentRecord(rs.getString("id"),
                        ExperimentSpecCodec.parse(rs.getString("spec"), READ_BACK),
                        ExperimentStatus.valueOf(rs.getString("status")), rs.getInt("total_runs"), rs.getString("message"),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                        instant(rs.getTimestamp("finished_at"))))
                .optional();
    }

    @Override
    public List<String> findUnfinished() {
        return jdbc.sql("SELECT id FROM experiment WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at, id")
                .query(String.class).list();
    }

    @Override
    public List<String> findByOrigin(String group, Collection<String> keepMembers) {
        if (keepMembers == null || keepMembers.isEmpty()) {
            return jdbc.sql("SELECT id FROM experiment WHERE notebook_id = :nb ORDER BY created_at, id")
                    .param("nb", group).query(String.class).list();
        }
        return jdbc.sql("SELECT id FROM experiment WHERE notebook_id = :nb AND cell_id NOT IN (:keep) ORDER BY created_at, id")
                .param("nb", group).param("keep", List.copyOf(keepMembers)).query(String.class).list();
    }

    @Override
    public Optional<ExperimentOrigin> origin(String id) {
        return jdbc.sql("SELECT notebook_id, cell_id FROM experiment WHERE id = :id AND notebook_id IS NOT NULL")
                .param("id", id).query((rs, i) -> new ExperimentOrigin(rs.getString(1), rs.getString(2))).optional();
    }

    @Override
    public boolean delete(String id) {
        Boolean deleted = tx.execute(status -> {
            jdbc.sql("DELETE FROM experiment_run WHERE experiment_id = :id").param("id", id).update();
            return jdbc.sql("DELETE FROM experiment WHERE id = :id").param("id", id).update() == 1;
        });
        return Boolean.TRUE.equals(deleted);
    }

    @Override
    public void updateStatus(String id, ExperimentStatus status, String message, Instant at) {
        jdbc.sql("""
                UPDATE experiment SET status = :status, message = :message,
                  started_at = CASE WHEN :running AND started_at IS NULL THEN :at ELSE started_at END,
                  finished_at = CASE WHEN :terminal THEN :at ELSE finished_at END
                WHERE id = :id""")
                .param("status", status.name()).param("message", message)
                .param("running", status == ExperimentStatus.RUNNING).param("terminal", status.terminal())
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    @Override
    public boolean saveRun(RunReport r) {
        return jdbc.sql("""
                UPDATE experiment_run SET status = :status, error = :error, metrics = :metrics, series = :series,
                  scenario_hash = :hash, engine_version = :version, millis = :millis, finished_at = :at
                WHERE experiment_id = :id AND run_index = :run AND status = 'PENDING'""")
                .param("status", r.status().name()).param("error", r.error())
                .param("metrics", r.status() == RunStatus.DONE ? MetricsCodec.encode(r.metrics()) : null)
                .param("series", r.status() == RunStatus.DONE ? r.series() : null, Types.VARBINARY)
                .param("hash", r.scenarioHash()).param("version", r.engineVersion()).param("millis", r.millis())
                .param("at", Timestamp.from(Instant.now()))
                .param("id", r.experimentId()).param("run", r.run().runIndex()).update() == 1;
    }

    @Override
    public RunCounts counts(String id) {
        return jdbc.sql("""
                SELECT COUNT(CASE WHEN status <> 'PENDING' THEN 1 END) AS done, COUNT(CASE WHEN status = 'FAILED' THEN 1 END) AS failed
                FROM experiment_run WHERE experiment_id = :id""").param("id", id)
                .query((rs, i) -> new RunCounts(rs.getInt("done"), rs.getInt("failed"))).single();
    }

    @Override
    public BitSet finishedRuns(String id) {
        BitSet bits = new BitSet();
        jdbc.sql("SELECT run_index FROM experiment_run WHERE experiment_id = :id AND status <> 'PENDING'").param("id", id)
                .query(rs -> {
                    bits.set(rs.getInt(1));
                });
        return bits;
    }

    @Override
    public void forEachRun(String id, Consumer<StoredRun> action) {
        jdbc.sql("""
                SELECT run_index, point_index, replicate, seed, status, error, metrics, scenario_hash, engine_version, millis
                FROM experiment_run WHERE experiment_id = :id ORDER BY run_index""").param("id", id)
                .query(rs -> {
                    action.accept(new StoredRun(new RunRef(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)),
                            RunStatus.valueOf(rs.getString(5)), rs.getString(6), MetricsCodec.decode(rs.getString(7)),
                            rs.getString(8), rs.getString(9), rs.getLong(10)));
                });
    }

    @Override
    public List<byte[]> series(String id, int pointIndex) {
        return jdbc.sql("SELECT series FROM experiment_run WHERE experiment_id = :id AND point_index = :p AND status = 'DONE' ORDER BY run_index")
                .param("id", id).param("p", pointIndex).query((rs, i) -> rs.getBytes(1)).list();
    }

    @Override
    public long storedBytes(String id) {
        Long b = jdbc.sql("""
                SELECT SUM(COALESCE(OCTET_LENGTH(metrics), 0) + COALESCE(OCTET_LENGTH(series), 0) + COALESCE(OCTET_LENGTH(error), 0)
                  + COALESCE(OCTET_LENGTH(scenario_hash), 0) + COALESCE(OCTET_LENGTH(engine_version), 0) + 64)
                FROM experiment_run WHERE experiment_id = :id""").param("id", id).query(Long.class).single();
        return b == null ? 0 : b;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
