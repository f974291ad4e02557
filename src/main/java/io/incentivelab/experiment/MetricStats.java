package io.incentivelab.experiment;

import java.util.List;

/**
 * Statistics of one summary metric over the successful runs of one sweep point. Undefined values are NaN
 * (e.g. sd and the interval with fewer than 2 runs); they appear as null in JSON and empty in CSV.
 *
 * @param n        runs with a finite value of the metric
 * @param sd       sample standard deviation (divisor n − 1)
 * @param ci95Low  mean − t(0.975, n−1)·sd/√n, Student t
 * @param p5       quantiles by the R-7 (linear interpolation) definition, as R's and NumPy's defaults
 */
public record MetricStats(int n, double mean, double sd, double ci95Low, double ci95High, double min, double p5,
        double p25, double p50, double p75, double p95, double max) {

    /** Column names in CSV order, after the metric's name. */
    public static final List<String> COLUMNS = List.of("n", "mean", "sd", "ci95Low", "ci95High", "min",
            "p5", "p25", "p50", "p75", "p95", "max");

    public double[] values() {
        return new double[] {n, mean, sd, ci95Low, ci95High, min, p5, p25, p50, p75, p95, max};
    }
}
