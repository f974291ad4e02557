package io.incentivelab.cli.bench;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentPlan;
import io.incentivelab.experiment.ExperimentProgress;
import io.incentivelab.experiment.ExperimentRecord;
import io.incentivelab.experiment.ExperimentRunner;
import io.incentivelab.experiment.ExperimentSpecCodec;
import io.incentivelab.experiment.ExperimentStatus;
import io.incentivelab.experiment.InMemoryExperimentStore;
import io.incentivelab.experiment.LocalExperiment;
import io.incentivelab.experiment.LocalRunExecutor;
import io.incentivelab.experiment.ResultAggregator;
import io.incentivelab.experiment.ResultsWriter;
import io.incentivelab.experiment.RunExecutor;
import io.incentivelab.experiment.RunRef;
import io.incentivelab.experiment.RunReport;
import io.incentivelab.experiment.RunTask;
import io.incentivelab.experiment.SimulationEngine;
import io.incentivelab.experiment.cluster.ClusterConfigs;
import io.incentivelab.experiment.cluster.ExecutorProperties;
import io.incentivelab.experiment.cluster.HazelcastRunExecutor;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * {@code experiment-cluster-2m}: throughput of example 1 ({@code curve-sweep.experiment.json}, 40 runs) on a
 * 2-member Hazelcast cluster in this JVM (two workers of 1 thread each and a lite member that submits, all on
 * 127.0.0.1 with a random cluster name), beside the local 2-thread figure of the same run ({@code ratioToLocal});
 * medians of 3 alternating rounds. {@code taskOverheadMs}: the round trip of an empty task through the cluster
 * executor minus the same through the local pool (median of 30, one at a time). {@code identical}: the
 * cluster's summary.csv equals the local one byte for byte.
 */
final class ExperimentClusterWorkload implements BenchWorkload {

    private static final int ROUNDS = 3;
    private static final int OVERHEAD_TASKS = 30;

    @Override
    public String name() {
        return "experiment-cluster-2m";
    }

    @Override
    public List<Map<String, Object>> run() {
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "none"); // Hazelcast's static loggers too
        }
        SimulationEngine engine = new SimulationEngine();
        ExperimentPlan plan = ExperimentPlan.of(ExperimentSpecCodec.parse(ExperimentRunsWorkload.example(ExperimentRunsWorkload.EXAMPLE),
                ExperimentLimits.DEFAULT), engine::validate);
        String name = "lab-bench-" + UUID.randomUUID();
        List<Integer> ports = List.of(freePort(), freePort());
        List<HazelcastInstance> members = new ArrayList<>();
        try {
            for (int port : ports) {
                members.add(Hazelcast.newHazelcastInstance(config(name, ExecutorProperties.Role.WORKER, port, ports, engine)));
            }
            HazelcastInstance driver = Hazelcast.newHazelcastInstance(config(name, ExecutorProperties.Role.APP, freePort(), ports, engine));
            members.add(driver);
            ExecutorProperties.Cluster settings = settings(name, ExecutorProperties.Role.APP, 0, ports);
            try (HazelcastRunExecutor cluster = new HazelcastRunExecutor(driver, settings, LocalExperiment.SERIES_POINTS);
                    LocalRunExecutor local = new LocalRunExecutor(engine, 2, LocalExperiment.SERIES_POINTS)) {
                awaitMembers(driver, 3);
                String localSummary = summary(plan, local);      // warm-up: JIT on the workers and here
                String clusterSummary = summary(plan, cluster);
                double[] localRate = new double[ROUNDS];
                double[] clusterRate = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    localRate[r] = rate(plan, local);
                    clusterRate[r] = rate(plan, cluster);
                }
                double overhead = roundTripMillis(plan, cluster) - roundTripMillis(plan, local);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("workload", name());
                line.put("value", ExperimentRunsWorkload.round(ExperimentRunsWorkload.median(clusterRate), 100));
                line.put("unit", "runs/s");
                line.put("localRunsPerSecond", ExperimentRunsWorkload.round(ExperimentRunsWorkload.median(localRate), 100));
                line.put("ratioToLocal", ExperimentRunsWorkload.round(
                        ExperimentRunsWorkload.median(clusterRate) / ExperimentRunsWorkload.median(localRate), 100));
                line.put("taskOverheadMs", ExperimentRunsWorkload.round(overhead, 100));
                line.put("identical", localSummary.equals(clusterSummary));
                line.put("members", 2);
                line.put("threadsPerMember", 1);
                line.put("localThreads", 2);
                line.put("runsPerTask", settings.runsPerTask());
                line.put("runs", plan.runs());
                line.put("rounds", ROUNDS);
                line.put("example", ExperimentRunsWorkload.EXAMPLE);
                line.put("cores", Runtime.getRuntime().availableProcessors());
                line.put("loadAverage", ExperimentRunsWorkload.round(
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 100));
                return List.of(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            members.forEach(m -> m.getLifecycleService().terminate());
        }
    }

    private static ExecutorProperties.Cluster settings(String name, ExecutorProperties.Role role, int port, List<Integer> ports) {
        return new ExecutorProperties.Cluster(name, role, ports.stream().map(p -> "127.0.0.1:" + p).toList(), port, "127.0.0.1",
                1, 256, 4);
    }

    private static Config config(String name, ExecutorProperties.Role role, int port, List<Integer> ports, SimulationEngine engine) {
        Config config = ClusterConfigs.member(settings(name, role, port, ports), engine);
        config.setProperty("hazelcast.logging.type", "none"); // JSON lines only on standard output
        return config;
    }

    private static void awaitMembers(HazelcastInstance driver, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (driver.getCluster().getMembers().size() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bench cluster did not form");
            }
            Thread.sleep(20);
        }
    }

    /** Runs the whole experiment on the executor; returns the summary CSV. */
    private static String summary(ExperimentPlan plan, RunExecutor executor) throws InterruptedException {
        InMemoryExperimentStore store = new InMemoryExperimentStore(false);
        String id = experiment(plan, executor, store);
        StringWriter out = new StringWriter();
        try {
            ResultsWriter.summaryCsv(plan, ResultAggregator.aggregate(plan, c -> store.forEachRun(id, c)), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static double rate(ExperimentPlan plan, RunExecutor executor) throws InterruptedException {
        long t0 = System.nanoTime();
        experiment(plan, executor, new InMemoryExperimentStore(false));
        return plan.runs() / ((System.nanoTime() - t0) / 1e9);
    }

    private static String experiment(ExperimentPlan plan, RunExecutor executor, InMemoryExperimentStore store) throws InterruptedException {
        ExperimentRecord record = new ExperimentRecord(UUID.randomUUID().toString(), plan.spec(), ExperimentStatus.QUEUED, plan.runs(),
                null, Clock.systemUTC().instant(), null, null);
        store.create(record, plan);
        try {
            ExperimentProgress end = new ExperimentRunner(store, executor, Clock.systemUTC()).start(record, plan, Double.NaN).finished().get();
            if (end.done() != plan.runs() || end.failed() != 0) {
                throw new IllegalStateException("the bench experiment ended " + end);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return record.id();
    }

    /** Median wall time of one task with no runs (scenario read, nothing run), submitted one at a time. */
    private static double roundTripMillis(ExperimentPlan plan, RunExecutor executor) {
        String scenario = plan.scenario(0).toString();
        double[] ms = new double[OVERHEAD_TASKS];
        for (int i = 0; i < OVERHEAD_TASKS; i++) {
            List<RunTask> task = List.of(new RunTask("overhead", scenario, List.<RunRef>of()));
            long t0 = System.nanoTime();
            executor.submit("overhead", task.iterator(), new RunExecutor.RunSink() {
                @Override
                public void started() {
                }

                @Override
                public void finished(RunReport result) {
                }
            }).completion().join();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ExperimentRunsWorkload.median(ms);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
