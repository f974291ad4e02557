package io.incentivelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The H2 store on the app's migrations, without Spring. */
class JdbcExperimentStoreTest {

    private HikariDataSource pool;
    private ExperimentStore store;

    @BeforeEach
    void open() {
        pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        pool.setUsername("sa");
        store = ExperimentStores.jdbc(pool);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void anOriginTagIsStoredInTheColumnsItAlwaysUsedAndReadsBack() throws Exception {
        ExperimentPlan plan = ExperimentRunnerTest.plan(ExperimentRunnerTest.SWEEP, new FakeEngine());
        ExperimentRecord tagged = ExperimentRunnerTest.record(plan);
        ExperimentRecord other = ExperimentRunnerTest.record(plan);
        ExperimentRecord api = ExperimentRunnerTest.record(plan);
        String group = UUID.randomUUID().toString();
        store.create(tagged, plan, new ExperimentOrigin(group, "e1"));
        store.create(other, plan, new ExperimentOrigin(group, "e2"));
        store.create(api, plan);

        assertThat(store.origin(tagged.id())).contains(new ExperimentOrigin(group, "e1"));
        assertThat(store.origin(api.id())).isEmpty();
        assertThat(store.findByOrigin(group, null)).containsExactlyInAnyOrder(tagged.id(), other.id());
        assertThat(store.findByOrigin(group, List.of("e1"))).containsExactly(other.id());
        // the stored format is what it was: group in notebook_id, member in cell_id; a row written so reads back
        try (var c = pool.getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT notebook_id, cell_id FROM experiment WHERE id = '" + tagged.id() + "'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(group);
            assertThat(rs.getString(2)).isEqualTo("e1");
            st.executeUpdate("UPDATE experiment SET notebook_id = 'nb-before', cell_id = 'c9' WHERE id = '" + api.id() + "'");
        }
        assertThat(store.origin(api.id())).contains(new ExperimentOrigin("nb-before", "c9"));
    }

    @Test
    void storesRunsOnceEvenWhenDeliveredConcurrently() throws Exception {
        ExperimentPlan plan = ExperimentRunnerTest.plan(ExperimentRunnerTest.SWEEP, new FakeEngine());
        ExperimentRecord record = ExperimentRunnerTest.record(plan);
        store.create(record, plan);
        assertThat(store.find(record.id()).orElseThrow().spec()).isEqualTo(plan.spec());
        assertThat(store.findUnfinished()).containsExactly(record.id());
        assertThat(store.counts(record.id())).isEqualTo(new RunCounts(0, 0));

        LinkedHashMap<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("b.gini", 0.1 + 0.2);
        metrics.put("a.nan", Double.NaN);
        metrics.put("a.inf", Double.NEGATIVE_INFINITY);
        byte[] series = new CompactSeries(List.of("b.gini"), new int[] {1, 2}, new float[][] {{0.5f, 0.25f}}).encode();
        RunReport done = new RunReport(record.id(), plan.run(8), RunStatus.DONE, null, metrics, series, "h", "v", 12);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Callable<Boolean>> saves = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            saves.add(() -> store.saveRun(done));
        }
        int firsts = 0;
        for (Future<Boolean> f : threads.invokeAll(saves)) {
            firsts += f.get() ? 1 : 0;
        }
        threads.shutdown();
        assertThat(firsts).isEqualTo(1);
        assertThat(store.saveRun(RunReport.failed(record.id(), plan.run(8), new IllegalStateException("late"), "v", 1))).isFalse();
        assertThat(store.saveRun(RunReport.failed(record.id(), plan.run(3), new IllegalStateException("boom"), "v", 1))).isTrue();
        assertThat(store.counts(record.id())).isEqualTo(new RunCounts(2, 1));
        assertThat(store.finishedRuns(record.id()).stream().toArray()).containsExactly(3, 8);

        List<StoredRun> runs = new ArrayList<>();
        store.forEachRun(record.id(), runs::add);
        assertThat(runs).hasSize(plan.runs()).extracting(r -> r.run().runIndex()).isSorted();
        assertThat(runs.get(8).metrics()).containsExactly(Map.entry("b.gini", 0.30000000000000004),
                Map.entry("a.nan", Double.NaN), Map.entry("a.inf", Double.NEGATIVE_INFINITY));
        assertThat(runs.get(8).run().seed()).isEqualTo(plan.run(8).seed());
        assertThat(runs.get(3).error()).isEqualTo("IllegalStateException: boom");
        assertThat(runs.get(0).status()).isEqualTo(RunStatus.PENDING);
        assertThat(store.series(record.id(), 1)).singleElement().satisfies(b -> assertThat(CompactSeries.decode(b).values()[0]).containsExactly(0.5f, 0.25f));
        assertThat(store.storedBytes(record.id())).isGreaterThan(0);

        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        store.updateStatus(record.id(), ExperimentStatus.RUNNING, null, t);
        store.updateStatus(record.id(), ExperimentStatus.RUNNING, null, t.plusSeconds(5));
        store.updateStatus(record.id(), ExperimentStatus.CANCELLED, "stop", t.plusSeconds(9));
        ExperimentRecord after = store.find(record.id()).orElseThrow();
        assertThat(after.startedAt()).isEqualTo(t);
        assertThat(after.finishedAt()).isEqualTo(t.plusSeconds(9));
        assertThat(after.message()).isEqualTo("stop");
        assertThat(store.findUnfinished()).isEmpty();
        assertThat(store.find(UUID.randomUUID().toString())).isEmpty();
    }
}
