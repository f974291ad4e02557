package io.incentivelab.notebook;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an experiment cell's last run produced: the experiment's id and final status, the inputs it ran
 * (so the output can be recognised as stale when the cell changes), and per sweep point each summary
 * metric's mean with its 95% confidence interval.
 *
 * @param experimentId id of the server-side experiment
 * @param status       COMPLETED, CANCELLED or FAILED
 * @param message      why it failed or stopped; null otherwise
 * @param inputHash    hash of the experiment spec that ran (scenarios, axes, replicates, seed)
 * @param engine       engine version that produced the numbers
 * @param totalRuns    runs planned
 * @param doneRuns     runs that ended
 * @param failedRuns   runs that threw
 * @param finishedAt   when the experiment ended
 * @param metrics      metric names, in the engine's order (the table's columns)
 * @param points       one row per sweep point
 */
public record ExperimentOutput(String experimentId, String status, String message, String inputHash, String engine,
        int totalRuns, int doneRuns, int failedRuns, Instant finishedAt, List<String> metrics,
        List<PointResult> points) implements CellOutput {

    public static final String KIND = "experiment";
    /** The status of an experiment whose every run ended. */
    public static final String COMPLETED = "COMPLETED";

    /**
     * Whether these results should replace {@code shown} on screen and in store: a cancelled or failed run
     * leaves the complete results of an earlier one in place until a new run completes.
     */
    public boolean replaces(ExperimentOutput shown) {
        return shown == null || COMPLETED.equals(status) || !COMPLETED.equals(shown.status());
    }

    public ExperimentOutput {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        points = points == null ? List.of() : List.copyOf(points);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * One sweep point.
     *
     * @param scenario   label of the scenario the point belongs to
     * @param parameters the swept values, by JSON path, as text
     * @param runs       runs planned for the point
     * @param succeeded  runs that ended successfully
     * @param metrics    per metric: mean and 95% CI over the successful runs
     */
    public record PointResult(String scenario, Map<String, String> parameters, int runs, int succeeded,
            Map<String, MetricSummary> metrics) {
        public PointResult {
            parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }
    }

    /**
     * One metric at one point. Undefined values (fewer than 2 runs for the interval) are NaN.
     *
     * @param n        runs with a finite value
     * @param mean     the mean over those runs
     * @param ci95Low  lower end of the 95% Student-t confidence interval of the mean
     * @param ci95High upper end
     */
    public record MetricSummary(int n, double mean, double ci95Low, double ci95High) {
        /** Magnitudes below this are shown as 0. */
        public static final double NEAR_ZERO = 1e-9;

        /** Half the interval's width, the "± x" of "mean ± x"; NaN when undefined. */
        public double halfWidth() {
            return (ci95High - ci95Low) / 2;
        }

        /**
         * "0.412 ± 0.031 (5)", as results tables, share pages and reports show it. A half width below a
         * millionth of the mean (floating-point noise of a value every run shares) is shown as 0.
         */
        public String text() {
            if (Double.isNaN(mean)) {
                return "–";
            }
            String m = number(mean);
            double half = halfWidth();
            if (Double.isNaN(half)) {
                return m + " (" + n + ")";
            }
            return m + " ± " + (half < 1e-6 * Math.abs(mean) ? "0" : number(half)) + " (" + n + ")";
        }

        /**
         * A result number for people: 4 decimals (1 from 100 on), trailing zeros dropped; 3 significant digits
         * when tiny or huge; within {@link #NEAR_ZERO} of zero (one rao, or rounding noise of a share) it is 0.
         */
        public static String number(double v) {
            double a = Math.abs(v);
            if (a < NEAR_ZERO) {
                return "0";
            }
            if (a < 1e-3 || a >= 1e6) {
                return String.format(Locale.ROOT, "%.3g", v);
            }
            return String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.4f", v)
                    .replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
    }
}
