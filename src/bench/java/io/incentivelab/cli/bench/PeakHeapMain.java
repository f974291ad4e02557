package io.incentivelab.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import io.incentivelab.cli.Cli;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Entry point of the child JVM of {@link FullNetworkYearWorkload}: runs one CLI command, then prints on the
 * last line of stderr {@code peakHeapBytes=N}, the sum over the heap memory pools of their peak usage
 * (MemoryPoolMXBean), the wall seconds of the command and the CPU seconds of the process.
 */
public final class PeakHeapMain {

    private PeakHeapMain() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        int code = Cli.run(args, System.out, System.err);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        double cpu = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : -1;
        System.err.println("peakHeapBytes=" + peak + " maxHeapBytes=" + Runtime.getRuntime().maxMemory()
                + " commandSeconds=" + seconds + " processCpuSeconds=" + cpu);
        System.exit(code);
    }
}
