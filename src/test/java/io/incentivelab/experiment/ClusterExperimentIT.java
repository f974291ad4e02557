package io.incentivelab.experiment;

import static io.incentivelab.experiment.ClusterTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.incentivelab.Application;
import io.incentivelab.experiment.cluster.ExecutorProperties;
import io.incentivelab.experiment.cluster.HazelcastRunExecutor;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * The app as a lite member (APP role, Spring context, H2) with two in-JVM worker members on 127.0.0.1, a
 * random cluster name and free ports: an experiment equals the local result byte for byte, a worker killed
 * mid-batch loses no run and duplicates none (nor one shut down gracefully), an experiment resumes after an app
 * restart, and cancel stops every member.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ClusterExperimentIT {

    /** 2 scenarios × 4 sweep steps × 7 replicates = 56 runs of the fake engine. */
    static final String SPEC = """
            { "schemaVersion": 1, "name": "cluster",
              "scenarios": [ {"label": "a", "scenario": {"x": 1, "epochs": 10, "sleepMillis": SLEEP}},
                             {"label": "b", "scenario": {"x": 3, "epochs": 10, "sleepMillis": SLEEP}} ],
              "sweep": { "axes": [ {"path": "$.x", "kind": "RANGE", "from": 0.5, "to": 2, "steps": 4} ] },
              "replicates": REPLICATES, "baseSeed": 123 }""";

    static final FakeEngine APP_ENGINE = new FakeEngine();

    static String name;
    static final List<HazelcastInstance> workers = new ArrayList<>();
    static final List<FakeEngine> workerEngines = new ArrayList<>();
    static List<Integer> workerPorts;
    static ConfigurableApplicationContext app;

    /**
     * Contexts started with SpringApplicationBuilder component-scan the test classes too, so the engine bean comes
     * from {@link ExperimentRestartIT.FakeEngineConfig} (declaring a second one here would clash with it): its
     * static engine is set before each context starts.
     */
    private static ConfigurableApplicationContext context(FakeEngine engine, String... args) {
        ExperimentRestartIT.engine = engine;
        return new SpringApplicationBuilder(Application.class, ExperimentRestartIT.FakeEngineConfig.class).run(args);
    }

    static String spec(int sleepMillis, int replicates) {
        return SPEC.replace("SLEEP", "" + sleepMillis).replace("REPLICATES", "" + replicates);
    }

    @BeforeAll
    static void startCluster() throws Exception {
        name = ClusterTestSupport.randomClusterName();
        workerPorts = List.of(ClusterTestSupport.freePort(), ClusterTestSupport.freePort());
        for (int port : workerPorts) {
            FakeEngine engine = new FakeEngine();
            workerEngines.add(engine);
            workers.add(ClusterTestSupport.worker(
                    ClusterTestSupport.settings(name, ExecutorProperties.Role.WORKER, port, workerPorts, 2, 4), engine));
        }
        app = startApp();
        HazelcastInstance member = app.getBean(HazelcastInstance.class);
        await(() -> member.getCluster().getMembers().size() == 3, 30_000, "3 members");
        assertThat(member.getCluster().getLocalMember().isLiteMember()).isTrue();
        assertThat(app.getBean(RunExecutor.class)).isInstanceOf(HazelcastRunExecutor.class);
    }

    /** The app as a lite member on a fresh port; the in-memory database outlives a context (same JVM). */
    private static ConfigurableApplicationContext startApp() {
        return context(APP_ENGINE, "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:cluster-" + name + ";DB_CLOSE_DELAY=-1",
                "--vaadin.devmode.devTools.enabled=false",
                "--lab.executor.mode=hazelcast", "--lab.executor.cluster.role=APP",
                "--lab.executor.cluster.name=" + name,
                "--lab.executor.cluster.members=127.0.0.1:" + workerPorts.get(0) + ",127.0.0.1:" + workerPorts.get(1),
                "--lab.executor.cluster.port=" + ClusterTestSupport.freePort(), "--lab.executor.cluster.iface=127.0.0.1",
                "--lab.executor.cluster.worker-threads=2", "--lab.executor.cluster.max-in-flight=16",
                "--lab.executor.cluster.runs-per-task=3");
    }

    @AfterAll
    static void stopCluster() {
        if (app != null) {
            app.close();
        }
        workers.forEach(w -> {
            if (w.getLifecycleService().isRunning()) {
                w.getLifecycleService().terminate();
            }
        });
    }

    private static ExperimentService service() {
        return app.getBean(ExperimentService.class);
    }

    /** The summary and runs CSV of an uninterrupted local run of the same file. */
    private static String[] local(String spec) throws Exception {
        FakeEngine engine = new FakeEngine();
        ExperimentPlan plan = ExperimentPlan.of(ExperimentSpecCodec.parse(spec, ExperimentLimits.DEFAULT), engine::validate);
        LocalExperiment local = LocalExperiment.run(plan, engine, 2, Double.NaN, null);
        StringWriter summary = new StringWriter();
        local.writeSummaryCsv(summary);
        StringWriter runs = new StringWriter();
        local.writeRunsCsv(runs);
        return new String[] {summary.toString(), runs.toString()};
    }

    private static String[] results(String id) throws Exception {
        StringWriter summary = new StringWriter();
        service().writeSummaryCsv(id, summary);
        StringWriter runs = new StringWriter();
        service().writeRunsCsv(id, runs);
        return new String[] {summary.toString(), runs.toString()};
    }

    @Test
    void anExperimentOnTwoWorkersEqualsTheLocalResult() throws Exception {
        String spec = spec(2, 7);
        int before0 = workerEngines.get(0).started.get();
        int before1 = workerEngines.get(1).started.get();
        String id = service().start(service().plan(spec)).id();
        ExperimentProgress end = service().awaitEnd(id, Duration.ofSeconds(60)).orElseThrow();

        assertThat(end.status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(end.done()).isEqualTo(56);
        assertThat(end.failed()).isZero();
        assertThat(workerEngines.get(0).started.get()).as("runs on worker 0").isGreaterThan(before0);
        assertThat(workerEngines.get(1).started.get()).as("runs on worker 1").isGreaterThan(before1);
        String[] expected = local(spec);
        String[] actual = results(id);
        assertThat(actual[0]).isEqualTo(expected[0]);
        assertThat(actual[1]).isEqualTo(expected[1]);
    }

    @Test
    void aWorkerKilledMidBatchLosesNoRunAndDuplicatesNone() throws Exception {
        // the victim is the app jar in the worker profile (no web, in-memory H2), as a worker is deployed
        FakeEngine victimEngine = new FakeEngine();
        int victimPort = ClusterTestSupport.freePort();
        ConfigurableApplicationContext victimContext = context(victimEngine, "--spring.profiles.active=worker",
                "--lab.executor.cluster.name=" + name,
                "--lab.executor.cluster.members=127.0.0.1:" + workerPorts.get(0) + ",127.0.0.1:" + workerPorts.get(1),
                "--lab.executor.cluster.port=" + victimPort, "--lab.executor.cluster.iface=127.0.0.1",
                "--lab.executor.cluster.worker-threads=2");
        HazelcastInstance victim = victimContext.getBean(HazelcastInstance.class);
        assertThat(victim.getCluster().getLocalMember().isLiteMember()).isFalse();
        assertThat(victimContext).isNotInstanceOf(WebApplicationContext.class);
        HazelcastInstance appMember = app.getBean(HazelcastInstance.class);
        await(() -> appMember.getCluster().getMembers().size() == 4, 30_000, "4 members");
        Map<Long, Integer> before = completions(workerEngines);

        String spec = spec(8, 7);
        // the victim finishes 3 runs; the ones it starts after them run until it dies, so the batch cannot end first
        FakeEngine.Hold victimHold = victimEngine.holdAfter(3);
        String id = service().start(service().plan(spec)).id();
        ExperimentRunnerTest.await(victimHold, h -> h.finished() == 3 && h.held() >= 1, "3 runs finished on the victim and 1 held");
        int doneAtKill = service().status(id).orElseThrow().done();
        victim.getLifecycleService().terminate();
        ExperimentProgress end = service().awaitEnd(id, Duration.ofSeconds(90)).orElseThrow();

        assertThat(doneAtKill).isLessThan(56);
        assertThat(end.status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(end.done()).isEqualTo(56);
        assertThat(end.failed()).isZero();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        List<Integer> rowsPerRun = jdbc.sql("""
                SELECT COUNT(*) FROM experiment_run WHERE experiment_id = :id AND status = 'DONE'
                GROUP BY run_index ORDER BY run_index""").param("id", id).query(Integer.class).list();
        assertThat(rowsPerRun).hasSize(56).containsOnly(1);
        String[] expected = local(spec);
        String[] actual = results(id);
        assertThat(actual[0]).isEqualTo(expected[0]);
        assertThat(actual[1]).isEqualTo(expected[1]);
        // every run completed somewhere; some the victim had taken were re-run by a survivor
        Map<Long, Integer> after = completions(workerEngines);
        int survivors = after.values().stream().mapToInt(Integer::intValue).sum() - before.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(survivors + victimEngine.completions.values().stream().mapToInt(a -> a.get()).sum()).isGreaterThanOrEqualTo(56);
        await(() -> appMember.getCluster().getMembers().size() == 3, 30_000, "the victim gone");
        victimHold.release(); // in case the victim's threads still hold a run
        victimContext.close();
    }

    @Test
    void aWorkerShutDownGracefullyMidBatchHandsItsTasksOver() throws Exception {
        FakeEngine leaverEngine = new FakeEngine();
        int port = ClusterTestSupport.freePort();
        HazelcastInstance leaver = ClusterTestSupport.worker(
                ClusterTestSupport.settings(name, ExecutorProperties.Role.WORKER, port, workerPorts, 2, 4), leaverEngine);
        HazelcastInstance appMember = app.getBean(HazelcastInstance.class);
        await(() -> appMember.getCluster().getMembers().size() == 4, 30_000, "4 members");

        String spec = spec(8, 7);
        String id = service().start(service().plan(spec)).id();
        await(() -> leaverEngine.completions.size() >= 3 && service().status(id).orElseThrow().done() >= 10, 60_000,
                "runs finished on the leaving worker");
        Map<Long, Integer> before = completions(workerEngines);
        int doneAtLeave = service().status(id).orElseThrow().done();
        leaver.shutdown(); // as `docker compose stop` does through Spring: partitions and stored tasks migrate
        ExperimentProgress end = service().awaitEnd(id, Duration.ofSeconds(90)).orElseThrow();

        assertThat(doneAtLeave).as("the worker left mid-batch").isLessThan(56);
        int afterLeave = completions(workerEngines).values().stream().mapToInt(Integer::intValue).sum()
                - before.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(afterLeave).as("the remaining workers ran what was left").isPositive();
        assertThat(end.status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(end.done()).isEqualTo(56);
        assertThat(end.failed()).isZero();
        String[] expected = local(spec);
        assertThat(results(id)[0]).isEqualTo(expected[0]);
        await(() -> appMember.getCluster().getMembers().size() == 3, 30_000, "the leaver gone");
    }

    @Test
    void anExperimentResumesOnTheClusterAfterAnAppRestart() throws Exception {
        String spec = spec(8, 7);
        // each worker finishes 5 runs and holds the later ones until the stop reaches it: the app stops mid-batch
        List<FakeEngine.Hold> holds = workerEngines.stream().map(e -> e.holdAfter(5)).toList();
        String id;
        try {
            id = service().start(service().plan(spec)).id();
            for (FakeEngine.Hold hold : holds) {
                ExperimentRunnerTest.await(hold, h -> h.finished() == 5 && h.held() >= 1, "a worker with 5 runs finished and 1 held");
            }
            assertThat(service().status(id).orElseThrow().done()).isLessThan(56);
            app.close(); // stops the experiment for the restart: the workers see the flag and drop its tasks
            for (FakeEngine.Hold hold : holds) {
                assertThat(hold.stopped()).as("held runs the stop ended").isEqualTo(hold.held());
            }
        } finally {
            holds.forEach(FakeEngine.Hold::release);
        }
        app = startApp();
        HazelcastInstance appMember = app.getBean(HazelcastInstance.class);
        await(() -> appMember.getCluster().getMembers().size() >= 3, 30_000, "the app back in the cluster");
        ExperimentProgress end = service().awaitEnd(id, Duration.ofSeconds(90)).orElseThrow();

        assertThat(end.status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(end.done()).isEqualTo(56);
        List<Integer> rowsPerRun = app.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM experiment_run WHERE experiment_id = :id AND status = 'DONE' GROUP BY run_index")
                .param("id", id).query(Integer.class).list();
        assertThat(rowsPerRun).hasSize(56).containsOnly(1);
        String[] expected = local(spec);
        String[] actual = results(id);
        assertThat(actual[0]).isEqualTo(expected[0]);
        assertThat(actual[1]).isEqualTo(expected[1]);
    }

    @Test
    void cancelStopsEveryMember() throws Exception {
        String spec = spec(10, 40); // 320 runs of 100 ms
        List<Integer> startedBefore = workerEngines.stream().map(e -> e.started.get()).toList();
        // on each worker the next 2 runs finish; the ones after them run until the cancel reaches that worker
        List<FakeEngine.Hold> holds = workerEngines.stream().map(e -> e.holdAfter(2)).toList();
        try {
            String id = service().start(service().plan(spec)).id();
            for (FakeEngine.Hold hold : holds) {
                ExperimentRunnerTest.await(hold, h -> h.finished() == 2 && h.held() >= 1, "a worker with 2 runs finished and 1 held");
            }
            service().cancel(id);
            ExperimentProgress end = service().awaitEnd(id, Duration.ofSeconds(60)).orElseThrow();
            assertThat(end.status()).isEqualTo(ExperimentStatus.CANCELLED);
            // a run a worker finished may still be on its way back when the cancel arrives, and a cancelled
            // experiment keeps only what reached the store: at most the four, never a run started after the cancel
            assertThat(end.done()).as("the runs finished before the cancel, and no other").isBetween(0, 4);
            // when the app reports the end, every run any worker started has ended: it finished, or the cancel
            // stopped it; none executes, so none starts after the end either
            for (int w = 0; w < workerEngines.size(); w++) {
                FakeEngine engine = workerEngines.get(w);
                FakeEngine.Hold hold = holds.get(w);
                assertThat(hold.stopped()).as("held runs the cancel stopped on worker %d", w).isEqualTo(hold.held());
                assertThat(engine.active.get()).as("runs executing on worker %d after the end", w).isZero();
                assertThat(engine.started.get() - startedBefore.get(w)).as("runs started on worker %d", w)
                        .isEqualTo(hold.finished() + hold.held());
            }
            assertThat(service().status(id).orElseThrow().status()).isEqualTo(ExperimentStatus.CANCELLED);
        } finally {
            holds.forEach(FakeEngine.Hold::release);
        }
    }

    private static Map<Long, Integer> completions(List<FakeEngine> engines) {
        Map<Long, Integer> m = new HashMap<>();
        for (FakeEngine e : engines) {
            e.completions.forEach((seed, n) -> m.merge(seed, n.get(), Integer::sum));
        }
        return m;
    }
}
