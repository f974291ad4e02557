package io.incentivelab.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Times a call on the current thread the way the single-thread workloads report it. The machine is shared, so
 * the rate is per CPU second of this thread (robust to other load); the wall-clock rate is returned too.
 */
final class CpuTimer {

    private CpuTimer() {
    }

    /**
     * Warm-up for {@code warmupMs} of thread CPU time and on until the rate settles, then {@code rounds} rounds of
     * about {@code roundMs} CPU ms.
     * The thread's CPU clock is read once per batch of calls lasting about a millisecond (sized from the
     * warm-up), not after every call: reading it is a system call of about 0.5 µs here, which would otherwise be
     * counted in every call of a workload that takes ~100 µs.
     *
     * @return {calls per thread-CPU second, calls per wall second}, medians over the rounds
     */
    static double[] measure(Supplier<Object> call, long warmupMs, int rounds, long roundMs) {
        Warm warm = warmUp(call, warmupMs);
        double[] cpuRates = new double[rounds];
        double[] wallRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] rates = warm.round(roundMs);
            cpuRates[r] = rates[0];
            wallRates[r] = rates[1];
        }
        return new double[] {median(cpuRates), median(wallRates)};
    }

    /**
     * The warm-up of {@link #measure}: {@code warmupMs} of thread CPU time, then on until two successive ~250 ms
     * windows agree within 2 %. The returned object times rounds of the warmed-up call, so that a caller can
     * interleave them with something else (bench alternates its rounds with the reference simulator's).
     */
    static Warm warmUp(Supplier<Object> call, long warmupMs) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        // the fixed warm-up, one call per clock read; it sizes the batches: calls per ~1 ms of CPU, from its
        // average (which includes the slower early calls)
        Window warm = window(mx, call, 1, warmupMs * 1_000_000);
        long batch = Math.max(1, Math.min(1_000_000, warm.calls * 1_000_000 / Math.max(1, warm.cpuNanos)));
        // then warm up on until two successive ~250 ms windows agree within 2 % (the JIT's last compilations
        // can come late when the machine is busy), for at most twice the fixed warm-up again
        long settleBudget = 2 * warmupMs * 1_000_000;
        double previous = -1;
        for (long spent = 0; spent < settleBudget; ) {
            Window w = window(mx, call, batch, 250_000_000L);
            spent += w.cpuNanos;
            double rate = w.cpuRate();
            if (previous > 0 && Math.abs(rate - previous) <= 0.02 * previous) {
                break;
            }
            previous = rate;
        }
        return new Warm(mx, call, batch);
    }

    /** A warmed-up call, timed in batches of {@code batch} calls. */
    record Warm(ThreadMXBean mx, Supplier<Object> call, long batch) {
        /** One round of about {@code roundMs} CPU ms: {calls per thread-CPU second, calls per wall second}. */
        double[] round(long roundMs) {
            Window w = window(mx, call, batch, roundMs * 1_000_000);
            return new double[] {w.cpuRate(), w.calls / (w.wallNanos / 1e9)};
        }
    }

    /** The median of {@code x} (the upper one of an even count); sorts a copy. */
    static double median(double[] x) {
        double[] c = x.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** Calls made in one timed window, with the thread CPU and wall time it took. */
    private record Window(long calls, long cpuNanos, long wallNanos) {
        double cpuRate() {
            return calls / (cpuNanos / 1e9);
        }
    }

    /** Calls {@code call} in batches of {@code batch}, reading the CPU clock after each, for ≥ {@code cpuNanos}. */
    private static Window window(ThreadMXBean mx, Supplier<Object> call, long batch, long cpuNanos) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long calls = 0;
        long cpu;
        Object sink = null;
        do {
            for (long b = 0; b < batch; b++) {
                sink = call.get();
            }
            calls += batch;
            cpu = mx.getCurrentThreadCpuTime();
        } while (cpu - cpu0 < cpuNanos);
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return new Window(calls, cpu - cpu0, System.nanoTime() - wall0);
    }

    /** {@code x} rounded to {@code digits} decimals, for the JSON line. */
    static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(x * f) / f;
    }
}
