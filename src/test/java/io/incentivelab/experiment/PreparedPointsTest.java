package io.incentivelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.AxisKind;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.experiment.ExperimentSpec.ScenarioEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Each sweep point's scenario is read once: checking the experiment reads it, and the cost preview and the runs
 * use that reading. Reads are counted at the engine's door ({@link CountingEngine}), per scenario JSON.
 */
class PreparedPointsTest {

    private final CountingEngine engine = new CountingEngine();
    private final LocalRunExecutor executor = new LocalRunExecutor(engine, 2, 16);
    private final ExperimentService service = new ExperimentService(new InMemoryExperimentStore(false), engine, executor,
            new ExperimentProperties(2, 100_000, 10_000, 10_000, 16, DataSize.ofMegabytes(2), false));

    @AfterEach
    void close() {
        executor.close();
    }

    private static ExperimentSpec sweep(int replicates) {
        JsonNode base = ExperimentSpecCodec.MAPPER.createObjectNode().put("epochs", 3);
        return new ExperimentSpec(ExperimentSpec.SCHEMA_VERSION, "once", null,
                List.of(new ScenarioEntry("a", base), new ScenarioEntry("b", ExperimentSpecCodec.MAPPER.createObjectNode().put("epochs", 4))), Combine.GRID,
                List.of(new Axis("$.x", AxisKind.RANGE, List.of(), 0.0, 2.0, 3, false)), replicates, 42L);
    }

    @Test
    void checkPreviewAndRunReadEachPointOnce() throws Exception {
        ExperimentSpec spec = sweep(4);

        ExperimentPlan plan = service.plan(spec);
        service.preview(plan);
        // a notebook checks, previews and starts a cell as separate calls: the same plan each time
        assertThat(service.plan(spec)).isSameAs(plan);
        service.preview(service.plan(spec));
        String id = service.start(service.plan(spec)).id();
        assertThat(service.awaitEnd(id, Duration.ofSeconds(60)).orElseThrow().status()).isEqualTo(ExperimentStatus.COMPLETED);

        assertThat(service.results(id).orElseThrow().points()).hasSize(6).allSatisfy(p -> assertThat(p.succeeded()).isEqualTo(4));
        // the results carry the stored end time, so two reads of an ended experiment agree (a notebook stores either)
        ExperimentResults results = service.results(id).orElseThrow();
        assertThat(results.finishedAt()).isNotNull().isEqualTo(service.results(id).orElseThrow().finishedAt());
        List<Integer> reads = IntStream.range(0, plan.points()).mapToObj(p -> engine.reads(plan.scenario(p))).toList();
        assertThat(reads).as("reads of each point").containsOnly(1).hasSize(6);
        // and each scenario itself once, when the spec was checked (it is not a point: every point sets $.x)
        assertThat(engine.reads(spec.scenarios().get(0).scenario())).isEqualTo(1);
    }

    @Test
    void aPointWithoutAxesIsItsScenarioReadOnce() throws Exception {
        ExperimentSpec spec = new ExperimentSpec(ExperimentSpec.SCHEMA_VERSION, "plain", null,
                List.of(new ScenarioEntry("a", ExperimentSpecCodec.MAPPER.createObjectNode().put("x", 0.5))), Combine.GRID,
                List.of(), 3, 1L);
        String id = service.start(service.plan(spec)).id();
        service.awaitEnd(id, Duration.ofSeconds(60));
        assertThat(engine.reads(spec.scenarios().get(0).scenario())).isEqualTo(1);
        assertThat(service.results(id).orElseThrow().points()).singleElement().satisfies(p -> assertThat(p.succeeded()).isEqualTo(3));
    }

    @Test
    void anExperimentReadFromJsonReadsEachPointOnceToo() throws Exception {
        ExperimentPlan plan = service.plan(ExperimentSpecCodec.toJson(sweep(2)).toString());
        service.preview(plan);
        String id = service.start(plan).id();
        service.awaitEnd(id, Duration.ofSeconds(60));
        for (int p = 0; p < plan.points(); p++) {
            assertThat(engine.reads(plan.scenario(p))).as("reads of point %d", p).isEqualTo(1);
        }
    }

    /** The fake engine, counting every read of a scenario (validate, prepare or check) by its JSON. */
    static final class CountingEngine extends FakeEngine {

        private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

        int reads(JsonNode scenario) {
            AtomicInteger n = reads.get(scenario.toString());
            return n == null ? 0 : n.get();
        }

        /** Calls from inside the fake (its prepare validates) are part of the read being counted. */
        private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

        private <T> T read(JsonNode scenario, Supplier<T> body) {
            int[] d = depth.get();
            if (d[0] == 0) {
                reads.computeIfAbsent(scenario.toString(), k -> new AtomicInteger()).incrementAndGet();
            }
            d[0]++;
            try {
                return body.get();
            } finally {
                d[0]--;
            }
        }

        @Override
        public List<SpecProblem> validate(JsonNode scenario) {
            return read(scenario, () -> super.validate(scenario));
        }

        @Override
        public PreparedScenario prepare(JsonNode scenario) {
            return read(scenario, () -> super.prepare(scenario));
        }

        /** One read: the fake's own validation and preparation, counted once. */
        @Override
        public Checked check(JsonNode scenario) {
            return read(scenario, () -> {
                List<SpecProblem> problems = super.validate(scenario);
                return problems.isEmpty() ? new Checked(super.prepare(scenario), List.of()) : new Checked(null, problems);
            });
        }
    }
}
