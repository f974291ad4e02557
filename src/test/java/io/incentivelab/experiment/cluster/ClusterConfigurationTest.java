package io.incentivelab.experiment.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.incentivelab.experiment.ExperimentProperties;
import io.incentivelab.experiment.FakeEngine;
import io.incentivelab.experiment.RunEngine;
import io.incentivelab.experiment.RunRef;
import io.incentivelab.experiment.RunTask;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.hazelcast.HazelcastAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;

/** The cluster wiring without starting a cluster: local mode starts no member; the member config; task merging. */
class ClusterConfigurationTest {

    /** Not a {@code @Configuration}: the ITs' SpringApplicationBuilder contexts component-scan test classes too. */
    @EnableConfigurationProperties({ExecutorProperties.class, ExperimentProperties.class})
    static class Engine {
        @Bean
        RunEngine engine() {
            return new FakeEngine();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HazelcastAutoConfiguration.class))
            .withUserConfiguration(Engine.class, ClusterConfiguration.class);

    @Test
    void localModeStartsNoHazelcastMember() {
        runner.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c).doesNotHaveBean(HazelcastInstance.class);
            assertThat(c).doesNotHaveBean(Config.class);
            assertThat(c.getBean(ExecutorProperties.class).mode()).isEqualTo(ExecutorProperties.Mode.LOCAL);
        });
        runner.withPropertyValues("lab.executor.mode=local").run(c -> assertThat(c).doesNotHaveBean(HazelcastInstance.class));
    }

    @Test
    void theMemberConfigFollowsTheProperties() {
        // binding only: no member is started here (the cluster ITs start real ones)
        new ApplicationContextRunner().withUserConfiguration(Engine.class).withPropertyValues("lab.executor.mode=hazelcast", "lab.executor.cluster.name=x", "lab.executor.cluster.role=app",
                "lab.executor.cluster.members=10.0.0.1:5701, worker-2", "lab.executor.cluster.port=5801",
                "lab.executor.cluster.iface=127.0.0.1", "lab.executor.cluster.worker-threads=3",
                "lab.executor.cluster.max-in-flight=500")
                .run(c -> {
                    ExecutorProperties properties = c.getBean(ExecutorProperties.class);
                    assertThat(properties.mode()).isEqualTo(ExecutorProperties.Mode.HAZELCAST);
                    Config config = ClusterConfigs.member(properties.cluster(), c.getBean(RunEngine.class));
                    assertThat(config.getClusterName()).isEqualTo("x");
                    assertThat(config.isLiteMember()).isTrue();
                    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
                    assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
                    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5801);
                    assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
                    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
                    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
                    assertThat(config.getNetworkConfig().getJoin().getAutoDetectionConfig().isEnabled()).isFalse();
                    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("10.0.0.1:5701", "worker-2");
                    var executor = config.getDurableExecutorConfig(ClusterConfigs.EXECUTOR);
                    assertThat(executor.getPoolSize()).isEqualTo(3);
                    assertThat(executor.getDurability()).isEqualTo(1);
                    assertThat(executor.getCapacity()).isEqualTo(500);
                    assertThat(config.getUserContext().get(ClusterConfigs.ENGINE_KEY)).isInstanceOf(FakeEngine.class);
                });
    }

    @Test
    void aWorkerIsAFullMemberWithoutInterfaceBinding() {
        Config config = ClusterConfigs.member(new ExecutorProperties.Cluster("x", ExecutorProperties.Role.WORKER, List.of("app"), 5701,
                "", 0, 256, 4), new FakeEngine());
        assertThat(config.isLiteMember()).isFalse();
        assertThat(config.getNetworkConfig().getInterfaces().isEnabled()).isFalse();
        assertThat(config.getDurableExecutorConfig(ClusterConfigs.EXECUTOR).getPoolSize())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void portRangesAreRefused() {
        assertThatThrownBy(() -> new ExecutorProperties.Cluster("x", ExecutorProperties.Role.APP, List.of("127.0.0.1:5701-5703"), 5701,
                "127.0.0.1", 0, 256, 4)).hasMessageContaining("no port ranges");
    }

    @Test
    void consecutiveTasksOfOnePointAreMergedUpToRunsPerTask() {
        List<RunTask> tasks = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            tasks.add(new RunTask("e", i < 5 ? "{\"p\":0}" : "{\"p\":1}", List.of(new RunRef(i, i < 5 ? 0 : 1, i, i))));
        }
        List<RunTask> merged = new ArrayList<>();
        HazelcastRunExecutor.merged(tasks.iterator(), 2).forEachRemaining(merged::add);
        assertThat(merged).extracting(t -> t.runs().stream().map(RunRef::runIndex).toList())
                .containsExactly(List.of(0, 1), List.of(2, 3), List.of(4), List.of(5, 6));
        List<RunTask> one = new ArrayList<>();
        HazelcastRunExecutor.merged(tasks.iterator(), 1).forEachRemaining(one::add);
        assertThat(one).isEqualTo(tasks);
    }
}
