package io.incentivelab.simulation.model;

/**
 * One thing wrong with a scenario.
 *
 * @param path    JSON path of the offending value, e.g. {@code $.subnets[2].rewardCurve.alpha}
 * @param message what is wrong and what is allowed
 */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
