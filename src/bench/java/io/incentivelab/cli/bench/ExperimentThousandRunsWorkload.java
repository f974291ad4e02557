package io.incentivelab.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentPlan;
import io.incentivelab.experiment.ExperimentSpecCodec;
import io.incentivelab.experiment.ExperimentStore;
import io.incentivelab.experiment.ExperimentStores;
import io.incentivelab.experiment.LocalExperiment;
import io.incentivelab.experiment.SimulationEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code experiment-1000-runs}: example 1's scenario, 8 α values × 125 replicates = 1,000 runs, with a 3-day
 * horizon, on all cores, stored in an H2 file database as in the app. Reports runs/s, the peak heap during the
 * experiment (sum of the heap pools' peaks, after a GC; target under 1 GB), the bytes stored per run (metrics +
 * series + fixed columns) and the database file size per run.
 */
final class ExperimentThousandRunsWorkload implements BenchWorkload {

    @Override
    public String name() {
        return "experiment-1000-runs";
    }

    @Override
    public List<Map<String, Object>> run() {
        // Hikari and Flyway log through SLF4J to stdout when no Spring context configures logging; stdout is for JSON lines
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return measure();
        } finally {
            System.setOut(stdout);
        }
    }

    private List<Map<String, Object>> measure() {
        Path dir = null;
        HikariDataSource pool = null;
        try {
            ObjectNode spec = (ObjectNode) new ObjectMapper().readTree(ExperimentRunsWorkload.example(ExperimentRunsWorkload.EXAMPLE));
            spec.put("replicates", 125);
            ((ObjectNode) spec.at("/scenarios/0/scenario/network")).put("horizonDays", 3);
            SimulationEngine engine = new SimulationEngine();
            ExperimentPlan plan = ExperimentPlan.of(ExperimentSpecCodec.parse(spec.toString(), ExperimentLimits.DEFAULT), engine::validate);
            dir = Files.createTempDirectory("experiment-bench");
            pool = new HikariDataSource();
            pool.setJdbcUrl("jdbc:h2:file:" + dir.resolve("bench") + ";DB_CLOSE_ON_EXIT=FALSE");
            pool.setUsername("sa");
            pool.setPassword("");
            ExperimentStore store = ExperimentStores.jdbc(pool);
            int threads = Runtime.getRuntime().availableProcessors();
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            LocalExperiment result = LocalExperiment.run(plan, engine, threads, Double.NaN, null, store);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long stored = result.storedBytes();
            pool.close();
            long fileBytes;
            try (Stream<Path> files = Files.list(dir)) {
                fileBytes = files.mapToLong(f -> f.toFile().length()).sum();
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("workload", name());
            line.put("value", Math.round(peak / 1e6));
            line.put("unit", "MB peak heap");
            line.put("status", result.end().status().name());
            line.put("runs", result.end().done());
            line.put("failed", result.end().failed());
            line.put("runsPerSecond", ExperimentRunsWorkload.round(plan.runs() / seconds, 100));
            line.put("bytesStoredPerRun", stored / plan.runs());
            line.put("databaseFileBytesPerRun", fileBytes / plan.runs());
            line.put("maxHeapMB", Runtime.getRuntime().maxMemory() / 1_000_000);
            line.put("threads", threads);
            return List.of(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (pool != null) {
                pool.close();
            }
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // a temp folder left behind
                }
            }
        }
    }
}
