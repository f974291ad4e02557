package io.incentivelab.experiment;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.incentivelab.experiment.cluster.ClusterConfigs;
import io.incentivelab.experiment.cluster.ExecutorProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** In-JVM members on loopback for the cluster tests: free ports, a random cluster name, an explicit member list. */
final class ClusterTestSupport {

    private ClusterTestSupport() {
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String randomClusterName() {
        return "lab-test-" + UUID.randomUUID();
    }

    /** Loopback settings for a member of the given role on the given port. */
    static ExecutorProperties.Cluster settings(String name, ExecutorProperties.Role role, int port, List<Integer> memberPorts,
            int workerThreads, int runsPerTask) {
        return new ExecutorProperties.Cluster(name, role, memberPorts.stream().map(p -> "127.0.0.1:" + p).toList(), port,
                "127.0.0.1", workerThreads, 64, runsPerTask);
    }

    static HazelcastInstance worker(ExecutorProperties.Cluster settings, RunEngine engine) {
        return Hazelcast.newHazelcastInstance(ClusterConfigs.member(settings, engine));
    }

    /** Waits until the condition holds; fails after the timeout. */
    static void await(BooleanSupplier condition, long timeoutMillis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
