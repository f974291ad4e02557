package io.incentivelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ExperimentRunnerTest {

    static final String SIMPLE = """
            { "schemaVersion": 1, "name": "simple", "scenarios": [ {"label": "a", "scenario": {"x": 2, "epochs": 3}} ],
              "replicates": 5, "baseSeed": 9 }""";

    static final String SWEEP = """
            { "schemaVersion": 1, "name": "sweep",
              "scenarios": [ {"label": "a", "scenario": {"x": 1, "epochs": 4}}, {"label": "b", "scenario": {"x": 3, "epochs": 4}} ],
              "sweep": { "axes": [ {"path": "$.x", "kind": "RANGE", "from": 0.5, "to": 2, "steps": 4} ] },
              "replicates": 7, "baseSeed": 123 }""";

    static ExperimentPlan plan(String json, RunEngine engine) {
        return ExperimentPlan.of(ExperimentSpecCodec.parse(json, ExperimentLimits.DEFAULT), engine::validate);
    }

    record Outcome(InMemoryExperimentStore store, ExperimentPlan plan, String id, ExperimentProgress end) {
        String summaryCsv() throws Exception {
            StringWriter w = new StringWriter();
            ResultsWriter.summaryCsv(plan, ResultAggregator.aggregate(plan, c -> store.forEachRun(id, c)), w);
            return w.toString();
        }

        String runsCsv() throws Exception {
            StringWriter w = new StringWriter();
            ResultsWriter.runsCsv(plan, c -> store.forEachRun(id, c), w);
            return w.toString();
        }

        String json() throws Exception {
            StringWriter w = new StringWriter();
            ResultsWriter.json(plan, null, ResultAggregator.aggregate(plan, c -> store.forEachRun(id, c)),
                    c -> store.forEachRun(id, c), w);
            return w.toString();
        }
    }

    static Outcome run(String json, RunEngine engine, int threads) throws Exception {
        ExperimentPlan plan = plan(json, engine);
        InMemoryExperimentStore store = new InMemoryExperimentStore(true);
        ExperimentRecord record = record(plan);
        store.create(record, plan);
        try (LocalRunExecutor executor = new LocalRunExecutor(engine, threads, 16)) {
            ExperimentJob job = new ExperimentRunner(store, executor, Clock.systemUTC()).start(record, plan, Double.NaN);
            ExperimentProgress end = job.finished().get(30, TimeUnit.SECONDS);
            return new Outcome(store, plan, record.id(), end);
        }
    }

    static ExperimentRecord record(ExperimentPlan plan) {
        return new ExperimentRecord(UUID.randomUUID().toString(), plan.spec(), ExperimentStatus.QUEUED, plan.runs(), null,
                Clock.systemUTC().instant(), null, null);
    }

    @Test
    void aggregatesMatchAHandComputation() throws Exception {
        Outcome o = run(SIMPLE, new FakeEngine(), 2);
        assertThat(o.end().status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(o.end().done()).isEqualTo(5);
        double[] gini = new double[5];
        for (int r = 0; r < 5; r++) {
            SplittableRandom rng = new SplittableRandom(RunSeeds.forRun(9, 0, r));
            double u = 0;
            for (int e = 0; e < 3; e++) {
                u = rng.nextDouble();
            }
            gini[r] = 2 * u;
        }
        double mean = Arrays.stream(gini).sum() / 5;
        double ss = Arrays.stream(gini).map(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(ss / 4);
        double[] sorted = gini.clone();
        Arrays.sort(sorted);
        PointSummary p = ResultAggregator.aggregate(o.plan(), c -> o.store().forEachRun(o.id(), c)).get(0);
        MetricStats s = p.metrics().get("s.gini");
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isCloseTo(mean, within(1e-12));
        assertThat(s.sd()).isCloseTo(sd, within(1e-12));
        assertThat(s.ci95High()).isCloseTo(mean + 2.7764451051977934 * sd / Math.sqrt(5), within(1e-9));
        assertThat(s.p50()).isEqualTo(sorted[2]);
        assertThat(s.p25()).isEqualTo(sorted[1]);
        assertThat(s.min()).isEqualTo(sorted[0]);
        assertThat(s.max()).isEqualTo(sorted[4]);
        assertThat(p.metrics().keySet()).containsExactly("s.gini", "s.hhi", "network.issuanceTao");
        assertThat(p.metrics().get("network.issuanceTao").sd()).isZero();
    }

    @Test
    void resultsAreByteIdenticalWhateverTheThreadCount() throws Exception {
        Outcome one = run(SWEEP, new FakeEngine(), 1);
        Outcome three = run(SWEEP, new FakeEngine(), 3);
        assertThat(one.end().done()).isEqualTo(56);
        assertThat(three.summaryCsv()).isEqualTo(one.summaryCsv());
        assertThat(three.runsCsv()).isEqualTo(one.runsCsv());
        assertThat(three.json()).isEqualTo(one.json());
        assertThat(one.summaryCsv().lines().count()).isEqualTo(1 + 8 * 3);
    }

    @Test
    void aRunThatThrowsIsRecordedAndTheOthersGoOn() throws Exception {
        ExperimentPlan plan = plan(SWEEP, new FakeEngine());
        long failing = plan.run(10).seed();
        Outcome o = run(SWEEP, new FakeEngine(Set.of(failing)), 2);
        assertThat(o.end().status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(o.end().done()).isEqualTo(56);
        assertThat(o.end().failed()).isEqualTo(1);
        List<StoredRun> runs = new ArrayList<>();
        o.store().forEachRun(o.id(), runs::add);
        assertThat(runs.get(10).status()).isEqualTo(RunStatus.FAILED);
        assertThat(runs.get(10).error()).isEqualTo("IllegalStateException: boom at seed " + failing);
        assertThat(runs).filteredOn(r -> r.status() == RunStatus.DONE).hasSize(55);
        PointSummary point1 = ResultAggregator.aggregate(o.plan(), c -> o.store().forEachRun(o.id(), c)).get(1);
        assertThat(point1.failed()).isEqualTo(1);
        assertThat(point1.metrics().get("s.gini").n()).isEqualTo(6);
        assertThat(o.runsCsv()).contains("FAILED,IllegalStateException: boom");
    }

    @Test
    void anExperimentWhoseRunsAllFailEndsFailed() throws Exception {
        ExperimentPlan plan = plan(SIMPLE, new FakeEngine());
        Set<Long> all = new HashSet<>();
        for (int i = 0; i < plan.runs(); i++) {
            all.add(plan.run(i).seed());
        }
        Outcome o = run(SIMPLE, new FakeEngine(all), 2);
        assertThat(o.end().status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(o.end().failed()).isEqualTo(5);
        assertThat(o.end().message()).contains("every run failed");
    }

    /** Waits for a hold's state; the timeout only keeps a broken build from hanging. */
    static void await(FakeEngine.Hold hold, Predicate<FakeEngine.Hold> state, String what) throws Exception {
        assertThat(hold.await(state, HANG_GUARD)).as("waited for %s; finished %d, held %d, stopped %d", what,
                hold.finished(), hold.held(), hold.stopped()).isTrue();
    }

    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @Test
    void cancelStopsTheRunningRunsStartsNoOtherKeepsFinishedRunsAndTellsListeners() throws Exception {
        FakeEngine engine = new FakeEngine();
        FakeEngine.Hold hold = engine.holdAfter(3); // runs 4, 5, ... never end unless cancelled
        ExperimentPlan plan = plan(SWEEP, engine);
        InMemoryExperimentStore store = new InMemoryExperimentStore(false);
        ExperimentRecord record = record(plan);
        store.create(record, plan);
        List<ExperimentProgress> events = new CopyOnWriteArrayList<>();
        try (LocalRunExecutor executor = new LocalRunExecutor(engine, 2, 16)) {
            ExperimentJob job = new ExperimentRunner(store, executor, Clock.systemUTC()).start(record, plan, Double.NaN);
            job.subscribe(events::add);
            // both threads execute a run that only a cancel ends; more tasks wait in the executor's queue
            await(hold, h -> h.finished() == 3 && h.held() == 2, "3 runs finished and 2 held");
            int startedAtCancel = engine.started.get();
            assertThat(startedAtCancel).isEqualTo(5);
            job.cancel();
            ExperimentProgress end = job.finished().get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertThat(end.status()).isEqualTo(ExperimentStatus.CANCELLED);
            assertThat(hold.stopped()).as("the running runs stopped at their next epoch").isEqualTo(2);
            assertThat(engine.started.get()).as("runs started after the cancel").isEqualTo(startedAtCancel);
            assertThat(engine.active.get()).as("runs still executing when the job reported its end").isZero();
            assertThat(end.done()).isEqualTo(3);
            assertThat(store.counts(record.id()).done()).isEqualTo(3);
            assertThat(store.find(record.id()).orElseThrow().status()).isEqualTo(ExperimentStatus.CANCELLED);
            executor.close(); // waits for the pool's threads: whatever was still queued has run or been dropped
            assertThat(engine.started.get()).as("runs started after the end").isEqualTo(startedAtCancel);
        }
        assertThat(events.get(events.size() - 1).status()).isEqualTo(ExperimentStatus.CANCELLED);
        assertThat(events).extracting(ExperimentProgress::status).contains(ExperimentStatus.RUNNING);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).done()).isGreaterThanOrEqualTo(events.get(i - 1).done());
        }
    }

    @Test
    void whenFinishedCompletesTheListenersHeardTheEndAndTheRunnerForgotTheJob() throws Exception {
        FakeEngine engine = new FakeEngine();
        ExperimentPlan plan = plan(SIMPLE, engine);
        InMemoryExperimentStore store = new InMemoryExperimentStore(false);
        ExperimentRecord record = record(plan);
        store.create(record, plan);
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        try (LocalRunExecutor executor = new LocalRunExecutor(engine, 2, 16)) {
            ExperimentRunner runner = new ExperimentRunner(store, executor, Clock.systemUTC());
            FakeEngine.Hold hold = engine.holdAfter(0);
            ExperimentJob job = runner.start(record, plan, Double.NaN);
            job.subscribe(p -> {
                if (p.status().terminal()) {
                    order.add("first listener");
                    inListener.countDown();
                    try {
                        release.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            job.subscribe(p -> {
                if (p.status().terminal()) {
                    order.add("second listener");
                }
            });
            CompletableFuture<Void> afterFinished = job.finished().thenRun(() -> order.add("finished"));
            await(hold, h -> h.held() == 2, "2 runs held");
            job.cancel();
            assertThat(inListener.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // the first listener is being told the end and has not returned
            assertThat(job.finished()).isNotDone();
            assertThat(runner.job(record.id())).as("the runner lists the job until the listeners heard the end").isPresent();
            release.countDown();
            job.finished().get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertThat(runner.job(record.id())).as("the runner forgot the job before finished() completed").isEmpty();
            afterFinished.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(order).containsExactly("first listener", "second listener", "finished");
    }

    @Test
    void resumesAfterAStopWithoutRunningAFinishedRunAgain() throws Exception {
        FakeEngine first = new FakeEngine();
        FakeEngine.Hold hold = first.holdAfter(10);
        ExperimentPlan plan = plan(SWEEP, first);
        InMemoryExperimentStore store = new InMemoryExperimentStore(true);
        ExperimentRecord record = record(plan);
        store.create(record, plan);
        try (LocalRunExecutor executor = new LocalRunExecutor(first, 2, 16)) {
            ExperimentRunner runner = new ExperimentRunner(store, executor, Clock.systemUTC());
            runner.start(record, plan, Double.NaN);
            await(hold, h -> h.finished() == 10 && h.held() == 2, "10 runs finished and 2 held");
            runner.stopAll(HANG_GUARD);
            assertThat(hold.stopped()).as("the shutdown stopped the running runs").isEqualTo(2);
        }
        BitSet before = store.finishedRuns(record.id());
        assertThat(before.cardinality()).isEqualTo(10);
        assertThat(store.find(record.id()).orElseThrow().status()).isIn(ExperimentStatus.QUEUED, ExperimentStatus.RUNNING);

        FakeEngine second = new FakeEngine();
        try (LocalRunExecutor executor = new LocalRunExecutor(second, 2, 16)) {
            ExperimentRecord stored = store.find(record.id()).orElseThrow();
            ExperimentJob job = new ExperimentRunner(store, executor, Clock.systemUTC()).start(stored, ExperimentPlan.trusted(stored.spec()), Double.NaN);
            ExperimentProgress end = job.finished().get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertThat(end.status()).isEqualTo(ExperimentStatus.COMPLETED);
            assertThat(end.done()).isEqualTo(56);
        }
        for (int i = before.nextSetBit(0); i >= 0; i = before.nextSetBit(i + 1)) {
            assertThat(second.completions).doesNotContainKey(plan.run(i).seed());
        }
        assertThat(second.completions.size()).isEqualTo(56 - before.cardinality());
        Outcome resumed = new Outcome(store, plan, record.id(), null);
        Outcome uninterrupted = run(SWEEP, new FakeEngine(), 1);
        assertThat(resumed.summaryCsv()).isEqualTo(uninterrupted.summaryCsv());
        assertThat(resumed.runsCsv()).isEqualTo(uninterrupted.runsCsv());
    }

    @Test
    void savingARunTwiceStoresItOnce() throws Exception {
        ExperimentPlan plan = plan(SIMPLE, new FakeEngine());
        InMemoryExperimentStore store = new InMemoryExperimentStore(false);
        ExperimentRecord record = record(plan);
        store.create(record, plan);
        RunOutcome outcome = new FakeEngine().prepare(plan.scenario(0)).run(plan.run(0).seed(), () -> false);
        RunReport result = RunReport.done(record.id(), plan.run(0), outcome, new byte[0], 1);
        assertThat(store.saveRun(result)).isTrue();
        assertThat(store.saveRun(result)).isFalse();
        assertThat(store.saveRun(RunReport.failed(record.id(), plan.run(0), new RuntimeException("x"), "v", 1))).isFalse();
        assertThat(store.counts(record.id())).isEqualTo(new RunCounts(1, 0));
    }

    private static BitSet all(int n) {
        BitSet b = new BitSet();
        b.set(0, n);
        return b;
    }

    @Test
    void groupsPendingRunsOfOnePointIntoTasks() {
        ExperimentPlan plan = plan(SWEEP, new FakeEngine());
        BitSet finished = new BitSet();
        finished.set(0, 5);
        List<RunTask> tasks = new ArrayList<>();
        ExperimentRunner.tasks("e", plan, finished, 0.01, 2).forEachRemaining(tasks::add);
        assertThat(tasks.stream().mapToInt(t -> t.runs().size()).sum()).isEqualTo(51);
        assertThat(tasks).allMatch(t -> t.runs().size() <= 5 && t.runs().stream().map(RunRef::pointIndex).distinct().count() == 1);
        assertThat(tasks.get(0).runs()).extracting(RunRef::runIndex).containsExactly(5, 6);
        assertThat(ExperimentRunner.tasks("e", plan, new BitSet(), Double.NaN, 2)).toIterable().hasSize(56);
        BitSet holes = new BitSet();
        holes.set(0, 56);
        holes.clear(3);
        holes.clear(20);
        List<RunTask> rest = new ArrayList<>();
        ExperimentRunner.tasks("e", plan, holes, Double.NaN, 2).forEachRemaining(rest::add);
        assertThat(rest).flatExtracting(RunTask::runs).extracting(RunRef::runIndex).containsExactly(3, 20);
        assertThat(ExperimentRunner.tasks("e", plan, all(56), Double.NaN, 2).hasNext()).isFalse();
    }
}
