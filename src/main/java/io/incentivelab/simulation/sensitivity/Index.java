package io.incentivelab.simulation.sensitivity;

/**
 * One sensitivity index of one parameter: the estimate from the full sample and the percentile bootstrap
 * confidence interval [lower, upper] at the analysis's confidence level.
 */
public record Index(double estimate, double lower, double upper) {

    /** Whether {@code value} lies in the confidence interval (inclusive). */
    public boolean covers(double value) {
        return value >= lower && value <= upper;
    }
}
