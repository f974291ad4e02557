package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A deterministic stand-in for the engine in tests. Scenario: {"x": number ≥ 0, "epochs": n, "sleepMillis": per
 * epoch, "label": any}. Metrics: s.gini = x·u1, s.hhi = u2, network.issuanceTao = 100 + epochs, with u1, u2 drawn
 * from the seed. Runs whose seed is in {@code failingSeeds} throw after the first epoch.
 *
 * <p>{@link #holdAfter} makes runs that cannot finish by themselves, so a test can cancel or stop an experiment at a
 * known point instead of after some time: it knows exactly which runs finished and which were executing.
 */
public class FakeEngine implements RunEngine {

    public final Map<Long, AtomicInteger> completions = new ConcurrentHashMap<>();
    public final AtomicInteger started = new AtomicInteger();
    /** Runs executing now. */
    public final AtomicInteger active = new AtomicInteger();
    private final Set<Long> failingSeeds;
    private volatile Hold hold;

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
                int ordinal = started.incrementAndGet();
                active.incrementAndGet();
                Hold h = hold;
                try {
                    if (h != null && ordinal > h.threshold) {
                        h.hold(cancelled);
                    }
                    RunOutcome outcome = compute(seed, cancelled);
                    if (h != null) {
                        h.ranToTheEnd();
                    }
                    return outcome;
                } finally {
                    active.decrementAndGet();
                }
            }

            private RunOutcome compute(long seed, BooleanSupplier cancelled) throws Exception {
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

    /**
     * From now on the next {@code finishing} runs of this engine run as usual; every run started after them runs
     * (epoch after epoch) until it is cancelled, and then stops with a {@link CancellationException}.
     */
    public Hold holdAfter(int finishing) {
        Hold h = new Hold(started.get() + finishing);
        hold = h;
        return h;
    }

    /** Counts what happened to the runs of this engine since {@link #holdAfter}; {@link #await} waits for a state. */
    public static final class Hold {
        private final int threshold;
        private int finished;
        private int held;
        private int stopped;
        private volatile boolean released;

        private Hold(int threshold) {
            this.threshold = threshold;
        }

        /** Runs finished normally since the hold began. */
        public synchronized int finished() {
            return finished;
        }

        /** Runs that reached the hold (they run until cancelled). */
        public synchronized int held() {
            return held;
        }

        /** Held runs that stopped because they were cancelled (or released). */
        public synchronized int stopped() {
            return stopped;
        }

        /**
         * Waits until the counts satisfy the condition (re-checked whenever one changes).
         *
         * @param hangGuard only so that a broken build fails instead of hanging
         * @return false if the hang guard ran out
         */
        public synchronized boolean await(Predicate<Hold> condition, Duration hangGuard) throws InterruptedException {
            long deadline = System.nanoTime() + hangGuard.toNanos();
            while (!condition.test(this)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        /** Ends the hold for a test's clean-up: held runs stop (as if cancelled), later runs run as usual. */
        public void release() {
            released = true;
        }

        private void hold(BooleanSupplier cancelled) {
            if (released) {
                return;
            }
            changed(() -> held++);
            // an epoch loop that never ends by itself: each epoch asks whether the run was cancelled
            while (!cancelled.getAsBoolean() && !released) {
                LockSupport.parkNanos(1_000_000L);
            }
            changed(() -> stopped++);
            throw new CancellationException("cancelled while held");
        }

        private void ranToTheEnd() {
            changed(() -> finished++);
        }

        private synchronized void changed(Runnable update) {
            update.run();
            notifyAll();
        }
    }
}
