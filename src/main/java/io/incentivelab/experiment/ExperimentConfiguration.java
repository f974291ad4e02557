package io.incentivelab.experiment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The executor the app's experiments run on: a local thread pool (a cluster executor can replace this bean). */
@Configuration(proxyBeanMethods = false)
class ExperimentConfiguration {

    @Bean(destroyMethod = "close")
    RunExecutor runExecutor(RunEngine engine, ExperimentProperties properties) {
        return new LocalRunExecutor(engine, properties.effectiveThreads(), properties.seriesPoints());
    }
}
