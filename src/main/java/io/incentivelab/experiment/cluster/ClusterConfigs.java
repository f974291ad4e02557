package io.incentivelab.experiment.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.DurableExecutorConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import io.incentivelab.experiment.RunEngine;

/**
 * The Hazelcast member configuration of the app and its workers, built in code (never from a
 * {@code hazelcast.xml}, which Boot would start even in local mode). TCP/IP join with an explicit member list;
 * multicast, auto-detection and phone-home off; the durable executor that runs experiment tasks; the run
 * engine handed to tasks through the member's user context.
 */
public final class ClusterConfigs {

    /** The durable executor that runs experiment tasks. */
    public static final String EXECUTOR = "lab-experiment-runs";
    /** Submission id → true once cancelled; tasks poll it between runs and epochs. */
    public static final String CANCEL_MAP = "lab-experiment-cancelled";
    static final String ENGINE_KEY = "lab.run-engine";
    private static final int CANCEL_TTL_SECONDS = 24 * 3600;

    private ClusterConfigs() {
    }

    /**
     * A member's configuration.
     *
     * @param engine the engine tasks use on this member (APP members hold one too, unused)
     */
    public static Config member(ExecutorProperties.Cluster cluster, RunEngine engine) {
        Config c = new Config();
        c.setClusterName(cluster.name());
        c.setLiteMember(cluster.role() == ExecutorProperties.Role.APP);
        c.setClassLoader(ClusterConfigs.class.getClassLoader());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "slf4j");
        // Spring shuts the member down (gracefully) after the experiments stopped; no second JVM hook racing it
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        // a leaving worker hands its partitions (and stored tasks) over within this; compose waits 90 s
        c.setProperty("hazelcast.graceful.shutdown.max.wait", "60");

        NetworkConfig net = c.getNetworkConfig();
        net.setPort(cluster.port()).setPortAutoIncrement(false);
        if (!cluster.iface().isEmpty()) {
            c.setProperty("hazelcast.socket.bind.any", "false");
            net.getInterfaces().setEnabled(true).addInterface(cluster.iface());
        }
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());

        c.addDurableExecutorConfig(new DurableExecutorConfig(EXECUTOR)
                .setPoolSize(cluster.effectiveWorkerThreads())
                .setDurability(1)
                // unfinished tasks per partition; the app's window keeps far fewer in flight in total
                .setCapacity(Math.max(DurableExecutorConfig.DEFAULT_RING_BUFFER_CAPACITY, cluster.maxInFlight())));
        c.addMapConfig(new MapConfig(CANCEL_MAP).setTimeToLiveSeconds(CANCEL_TTL_SECONDS));
        c.getUserContext().put(ENGINE_KEY, engine);
        return c;
    }
}
