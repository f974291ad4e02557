package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A deterministic stand-in for the engine in tests. Scenario: {"x": number ≥ 0, "epochs": n, "sleepMillis": per
 * epoch, "label": any}. Metrics: s.gini = x·u1, s.hhi = u2, network.issuanceTao = 100 + epochs, with u1, u2 drawn
 * from the seed. Runs whose seed is in {@code failingSeeds} throw after the first epoch.
 */
public class FakeEngine implements RunEngine {

    public final Map<Long, AtomicInteger> completions = new ConcurrentHashMap<>();
    public final AtomicInteger started = new AtomicInteger();
    private final Set<Long> failingSeeds;

    public FakeEngine(Set<Long> failingSeeds) {
        this.failingSeeds = failingSeeds;
    }

    public FakeEngine() {
        this(Set.of());
    }

    @Override
    public String version() {
        return "fake-1";
    }

    @Override
    public List<SpecProblem> validate(JsonNode scenario) {
        List<SpecProblem> problems = new ArrayList<>();
        scenario.fieldNames().forEachRemaining(f -> {
            if (!Set.of("x", "epochs", "sleepMillis", "label", "mode").contains(f)) {
                problems.add(new SpecProblem("$." + f, "unknown field"));
            }
        });
        JsonNode x = scenario.get("x");
        if (x != null && (!x.isNumber() || x.asDouble() < 0)) {
            problems.add(new SpecProblem("$.x", "must be a number ≥ 0, was " + x));
        }
        return problems;
    }

    @Override
    public PreparedScenario prepare(JsonNode scenario) {
        if (!validate(scenario).isEmpty()) {
            throw new IllegalArgumentException(validate(scenario).toString());
        }
        double x = scenario.path("x").asDouble(1.0);
        int epochs = scenario.path("epochs").asInt(10);
        long sleep = scenario.path("sleepMillis").asLong(0);
        String hash = Integer.toHexString(scenario.toString().hashCode());
        return new PreparedScenario() {
            @Override
            public String scenarioHash() {
                return hash;
            }

            @Override
            public long workUnits() {
                return epochs;
            }

            @Override
            public RunOutcome run(long seed, BooleanSupplier cancelled) throws Exception {
                started.incrementAndGet();
                SplittableRandom rng = new SplittableRandom(seed);
                float[] gini = new float[epochs];
                int[] at = new int[epochs];
                double u1 = 0;
                for (int e = 0; e < epochs; e++) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("cancelled");
                    }
                    if (sleep > 0) {
                        Thread.sleep(sleep);
                    }
                    if (e == 1 && failingSeeds.contains(seed)) {
                        throw new IllegalStateException("boom at seed " + seed);
                    }
                    u1 = rng.nextDouble();
                    gini[e] = (float) (x * u1);
                    at[e] = e;
                }
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("s.gini", x * u1);
                metrics.put("s.hhi", rng.nextDouble());
                metrics.put("network.issuanceTao", 100.0 + epochs);
                completions.computeIfAbsent(seed, s -> new AtomicInteger()).incrementAndGet();
                return new RunOutcome(metrics, new CompactSeries(List.of("s.gini"), at, new float[][] {gini}), hash, version());
            }
        };
    }
}
