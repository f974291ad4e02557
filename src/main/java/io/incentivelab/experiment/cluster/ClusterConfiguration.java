package io.incentivelab.experiment.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.incentivelab.experiment.ExperimentProperties;
import io.incentivelab.experiment.RunEngine;
import io.incentivelab.experiment.RunExecutor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * In {@code lab.executor.mode=hazelcast}: the member configuration, from which Boot's
 * {@code HazelcastAutoConfiguration} starts the member (and shuts it down with the context), and the
 * executor that sends experiment runs to the workers. In local mode none of this exists and no member starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lab.executor.mode", havingValue = "hazelcast")
class ClusterConfiguration {

    @Bean
    Config hazelcastConfig(ExecutorProperties properties, RunEngine engine) {
        return ClusterConfigs.member(properties.cluster(), engine);
    }

    @Bean(destroyMethod = "close")
    RunExecutor runExecutor(HazelcastInstance hazelcast, ExecutorProperties properties, ExperimentProperties experiments) {
        return new HazelcastRunExecutor(hazelcast, properties.cluster(), experiments.seriesPoints());
    }
}
