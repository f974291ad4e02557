package io.incentivelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.Application;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Restart in the middle: stop the Spring context while an experiment runs, start a new one on the same file
 * database; the experiment resumes, completes, stores each run exactly once, and its results equal an
 * uninterrupted run's.
 */
class ExperimentRestartIT {

    static final String SPEC = ExperimentRunnerTest.SWEEP.replace("\"epochs\": 4", "\"epochs\": 10, \"sleepMillis\": 4");

    /** The engine of the current context (a new one per context, to see which runs each executed). */
    static FakeEngine engine;

    @Configuration(proxyBeanMethods = false)
    static class FakeEngineConfig {
        @Bean
        @Primary
        RunEngine fakeEngine() {
            return engine;
        }
    }

    private static ConfigurableApplicationContext start(Path dir) {
        engine = new FakeEngine();
        return new SpringApplicationBuilder(Application.class, FakeEngineConfig.class)
                .web(WebApplicationType.SERVLET)
                .run("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("lab") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--lab.experiments.threads=2", "--vaadin.devmode.devTools.enabled=false", "--server.port=0");
    }

    @Test
    void anExperimentResumesAfterARestartAndRunsEachRunOnce(@TempDir Path dir) throws Exception {
        String id;
        BitSet finishedBeforeStop;
        try (ConfigurableApplicationContext first = start(dir)) {
            ExperimentService service = first.getBean(ExperimentService.class);
            ExperimentPlan plan = service.plan(SPEC);
            service.preview(plan); // the cost estimate's calibration runs the engine: before the hold counts runs
            // 12 runs finish; the two threads then hold runs that only the shutdown's stop ends
            FakeEngine.Hold hold = engine.holdAfter(12);
            id = service.start(plan).id();
            ExperimentRunnerTest.await(hold, h -> h.finished() == 12 && h.held() == 2, "12 runs finished and 2 held");
            assertThat(service.status(id).orElseThrow().done()).isEqualTo(12);
            first.close();
            assertThat(hold.stopped()).as("the shutdown stopped the running runs").isEqualTo(2);
        }
        // what the first context stored: the 12 runs that finished before the stop (the held ones stored nothing)
        BitSet storedBeforeStop = new BitSet();
        try (Connection c = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("lab"), "sa", "");
                PreparedStatement q = c.prepareStatement(
                        "SELECT run_index FROM experiment_run WHERE experiment_id = ? AND status = 'DONE'")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    storedBeforeStop.set(rs.getInt(1));
                }
            }
        }

        try (ConfigurableApplicationContext second = start(dir)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            ExperimentService service = second.getBean(ExperimentService.class);
            ExperimentProgress end = service.awaitEnd(id, Duration.ofSeconds(120)).orElseThrow();
            assertThat(end.status()).isEqualTo(ExperimentStatus.COMPLETED);
            assertThat(end.done()).isEqualTo(56);
            assertThat(end.failed()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM experiment_run WHERE experiment_id = :id AND status = 'DONE'")
                    .param("id", id).query(Integer.class).single()).isEqualTo(56);
            assertThat(jdbc.sql("SELECT COUNT(DISTINCT run_index) FROM experiment_run WHERE experiment_id = :id")
                    .param("id", id).query(Integer.class).single()).isEqualTo(56);
            // no run stored before the stop ran again after it
            ExperimentPlan plan = service.plan(SPEC);
            finishedBeforeStop = storedBeforeStop;
            for (int i = 0; i < plan.runs(); i++) {
                long seed = plan.run(i).seed();
                assertThat(storedBeforeStop.get(i) && engine.completions.containsKey(seed))
                        .as("run %d was stored before the stop and ran again after it", i).isFalse();
                assertThat(storedBeforeStop.get(i) || engine.completions.containsKey(seed))
                        .as("run %d was neither stored before the stop nor run after it", i).isTrue();
            }
            assertThat(finishedBeforeStop.cardinality()).isEqualTo(12);
            assertThat(engine.completions.size()).isEqualTo(56 - finishedBeforeStop.cardinality());

            StringWriter resumed = new StringWriter();
            service.writeSummaryCsv(id, resumed);
            StringWriter resumedRuns = new StringWriter();
            service.writeRunsCsv(id, resumedRuns);
            LocalExperiment uninterrupted = LocalExperiment.run(ExperimentRunnerTest.plan(SPEC, new FakeEngine()), new FakeEngine(), 1,
                    Double.NaN, null);
            StringWriter expected = new StringWriter();
            uninterrupted.writeSummaryCsv(expected);
            StringWriter expectedRuns = new StringWriter();
            uninterrupted.writeRunsCsv(expectedRuns);
            assertThat(resumed.toString()).isEqualTo(expected.toString());
            assertThat(resumedRuns.toString()).isEqualTo(expectedRuns.toString());
        }
        assertThat(Files.exists(dir.resolve("lab.mv.db"))).isTrue();
    }
}
