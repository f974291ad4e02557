package io.incentivelab.experiment;

import java.util.List;

/**
 * A global sensitivity study (issue 19): which scenario parameters move one output metric, and by how much.
 * The experiment's points are the method's design over the parameters' ranges (each point run
 * {@code replicates} times; the design sees the mean), analysed by {@link SensitivityAnalysis}.
 *
 * @param method     SALTELLI (first-order and total Sobol indices, Jansen estimators) or MORRIS (elementary
 *                   effects μ*, σ: a cheaper screening)
 * @param metric     the output metric, a flat key of the results such as {@code speed.giniEmission}
 * @param samples    SALTELLI: base sample N (N·(k+2) points); MORRIS: trajectories r (r·(k+1) points)
 * @param levels     MORRIS: levels of the grid (even, 2–100); not read by SALTELLI
 * @param resamples  bootstrap resamples for the confidence intervals
 * @param confidence confidence level of the intervals, e.g. 0.95
 * @param parameters the k parameters: where each goes in the scenario and its range
 */
public record Sensitivity(Method method, String metric, int samples, int levels, int resamples, double confidence,
        List<Parameter> parameters) {

    public static final int DEFAULT_LEVELS = 4;
    public static final int DEFAULT_RESAMPLES = 500;
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final int MAX_RESAMPLES = 10_000;

    public Sensitivity {
        parameters = List.copyOf(parameters);
    }

    public enum Method {
        SALTELLI,
        MORRIS
    }

    /**
     * One parameter studied: a JSON path into the scenario and the range [from, to] it is sampled on (null while a
     * notebook cell leaves it empty; a checked study has both).
     */
    public record Parameter(String path, Double from, Double to, boolean integer) {
    }

    /** Design points: N·(k+2) for SALTELLI, r·(k+1) for MORRIS. */
    public long rows() {
        long k = parameters.size();
        return method == Method.SALTELLI ? samples * (k + 2) : samples * (k + 1);
    }
}
