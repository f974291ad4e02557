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
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Object sink = null;
        long start = mx.getCurrentThreadCpuTime();
        long end = start + warmupMs * 1_000_000;
        long warmCalls = 0;
        long now;
        do {
            sink = call.get();
            warmCalls++;
            now = mx.getCurrentThreadCpuTime();
        } while (now < end);
        // calls per ~1 ms of CPU, from the warm-up's average (which includes the slower early calls)
        long batch = Math.max(1, Math.min(1_000_000, warmCalls * 1_000_000 / Math.max(1, now - start)));
        // then warm up on until two successive ~250 ms windows agree within 2 % (the JIT's last compilations
        // can come late when the machine is busy), for at most twice the fixed warm-up again
        long settleEnd = now + 2 * warmupMs * 1_000_000;
        double previous = -1;
        while (true) {
            long w0 = mx.getCurrentThreadCpuTime();
            long n = 0;
            long w1;
            do {
                for (long b = 0; b < batch; b++) {
                    sink = call.get();
                }
                n += batch;
                w1 = mx.getCurrentThreadCpuTime();
            } while (w1 - w0 < 250_000_000L);
            double rate = n / ((w1 - w0) / 1e9);
            if ((previous > 0 && Math.abs(rate - previous) <= 0.02 * previous) || w1 >= settleEnd) {
                break;
            }
            previous = rate;
        }
        double[] cpuRates = new double[rounds];
        double[] wallRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            long count = 0;
            long cpu;
            do {
                for (long b = 0; b < batch; b++) {
                    sink = call.get();
                }
                count += batch;
                cpu = mx.getCurrentThreadCpuTime();
            } while (cpu - cpu0 < roundMs * 1_000_000);
            cpuRates[r] = count / ((cpu - cpu0) / 1e9);
            wallRates[r] = count / ((System.nanoTime() - wall0) / 1e9);
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        Arrays.sort(cpuRates);
        Arrays.sort(wallRates);
        return new double[] {cpuRates[rounds / 2], wallRates[rounds / 2]};
    }

    /** {@code x} rounded to {@code digits} decimals, for the JSON line. */
    static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(x * f) / f;
    }
}
