package io.incentivelab.experiment.cluster;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where experiments' runs execute ({@code lab.executor.*}; environment variables {@code LAB_EXECUTOR_MODE},
 * {@code LAB_EXECUTOR_CLUSTER_NAME}, {@code LAB_EXECUTOR_CLUSTER_MEMBERS}, …, dashes dropped).
 *
 * @param mode    LOCAL: a thread pool in this process, no cluster started; HAZELCAST: this process joins a cluster
 * @param cluster the cluster settings, read only in HAZELCAST mode
 */
@ConfigurationProperties("lab.executor")
public record ExecutorProperties(@DefaultValue("local") Mode mode, @DefaultValue Cluster cluster) {

    public enum Mode {
        LOCAL, HAZELCAST
    }

    /** APP coordinates (UI, API, H2) and computes nothing: a lite member; WORKER computes: a full member. */
    public enum Role {
        APP, WORKER
    }

    /**
     * @param name          cluster name; members with another name never join (tests use a random one)
     * @param role          this process's role
     * @param members       TCP/IP join list, {@code host} or {@code host:port}, no port ranges
     * @param port          the port this member listens on (no auto-increment)
     * @param iface         bind only to this interface address (e.g. 127.0.0.1); empty = every interface
     * @param workerThreads runs executing at once on each worker; 0 = the worker's cores
     * @param maxInFlight   tasks submitted and not yet finished, per app (also sizes the executor's capacity)
     * @param runsPerTask   consecutive runs of one sweep point merged into one cluster task, against the
     *                      ~10 ms a task costs
     */
    public record Cluster(@DefaultValue("incentive-lab") String name, @DefaultValue("APP") Role role,
            @DefaultValue List<String> members, @DefaultValue("5701") int port, @DefaultValue("") String iface,
            @DefaultValue("0") int workerThreads, @DefaultValue("256") int maxInFlight, @DefaultValue("4") int runsPerTask) {

        public Cluster {
            members = members == null ? List.of() : members.stream().map(String::trim).filter(m -> !m.isEmpty()).toList();
            iface = iface == null ? "" : iface.trim();
            for (String m : members) {
                int colon = m.lastIndexOf(':');
                if (colon >= 0 && m.substring(colon + 1).contains("-")) {
                    throw new IllegalArgumentException("lab.executor.cluster.members: list each member, no port ranges: " + m);
                }
            }
            if (maxInFlight < 1 || runsPerTask < 1 || workerThreads < 0) {
                throw new IllegalArgumentException("lab.executor.cluster: max-in-flight and runs-per-task must be ≥ 1, worker-threads ≥ 0");
            }
        }

        /** Worker threads to use: the setting, or the cores of this machine. */
        public int effectiveWorkerThreads() {
            return workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
        }

        public Cluster withRole(Role r) {
            return new Cluster(name, r, members, port, iface, workerThreads, maxInFlight, runsPerTask);
        }

        public Cluster withPort(int p) {
            return new Cluster(name, role, members, p, iface, workerThreads, maxInFlight, runsPerTask);
        }
    }
}
