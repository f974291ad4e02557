package io.incentivelab.notebook;

import io.incentivelab.experiment.ExperimentProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor of the notebooks' background work: "Run all" ({@link NotebookRunner}), drawing charts and comparing.
 * As many threads as experiment runs at once ({@code lab.experiments.threads}, 0 = cores − 1); work waits in an
 * unbounded queue. Nothing on it blocks while an experiment runs: the experiments have their own executor.
 */
@Configuration(proxyBeanMethods = false)
public class NotebookConfiguration {

    /** The executor's bean name. */
    public static final String EXECUTOR = "notebookTaskExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor notebookTaskExecutor(ExperimentProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.effectiveThreads());
        executor.setMaxPoolSize(properties.effectiveThreads());
        executor.setThreadNamePrefix("notebook-");
        executor.setDaemon(true);
        return executor;
    }
}
