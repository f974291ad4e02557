package io.incentivelab.experiment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of experiments in the app ({@code lab.experiments.*}).
 *
 * @param threads         runs executing at once; 0 = cores − 1 (at least 1), so the UI stays responsive
 * @param maxRuns         limit on points × replicates of one experiment
 * @param maxPoints       limit on sweep points
 * @param maxReplicates   limit on replicates per point
 * @param seriesPoints    samples kept per time series of a run (down-sampled evenly)
 * @param maxRequestSize  largest experiment file the API accepts
 * @param resumeOnStartup resume experiments left QUEUED or RUNNING when the app starts
 */
@ConfigurationProperties("lab.experiments")
public record ExperimentProperties(@DefaultValue("0") int threads, @DefaultValue("100000") int maxRuns,
        @DefaultValue("10000") int maxPoints, @DefaultValue("10000") int maxReplicates, @DefaultValue("" + ExperimentDefaults.SERIES_POINTS) int seriesPoints,
        @DefaultValue("2MB") DataSize maxRequestSize, @DefaultValue("true") boolean resumeOnStartup) {

    public ExperimentLimits limits() {
        return new ExperimentLimits(maxRuns, maxPoints, maxReplicates);
    }

    /** The thread count to use: the setting, or cores − 1 (at least 1). */
    public int effectiveThreads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }
}
