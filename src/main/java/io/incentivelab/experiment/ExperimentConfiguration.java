package io.incentivelab.experiment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The executor the app's experiments run on: a local thread pool, unless {@code lab.executor.mode=hazelcast}
 * (then {@code experiment.cluster.ClusterConfiguration} provides it).
 */
@Configuration(proxyBeanMethods = false)
class ExperimentConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "lab.executor.mode", havingValue = "local", matchIfMissing = true)
    RunExecutor runExecutor(RunEngine engine, ExperimentProperties properties) {
        return new LocalRunExecutor(engine, properties.effectiveThreads(), properties.seriesPoints());
    }
}
