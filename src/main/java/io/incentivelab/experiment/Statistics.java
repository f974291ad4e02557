package io.incentivelab.experiment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/** The statistics of experiments, on Commons Math. Pure functions of their inputs in the given order. */
public final class Statistics {

    private static final Map<Integer, Double> T975 = new ConcurrentHashMap<>();

    private Statistics() {
    }

    /** Mean, sd, Student-t 95% interval and quantiles of the values, in the order given. */
    public static MetricStats describe(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new MetricStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        double mean = s.getMean();
        double sd = n > 1 ? s.getStandardDeviation() : Double.NaN;
        double half = n > 1 ? t975(n - 1) * sd / Math.sqrt(n) : Double.NaN;
        Percentile q = new Percentile().withEstimationType(EstimationType.R_7);
        q.setData(values);
        return new MetricStats(n, mean, sd, mean - half, mean + half, s.getMin(), q.evaluate(5), q.evaluate(25),
                q.evaluate(50), q.evaluate(75), q.evaluate(95), s.getMax());
    }

    /** The 0.975 quantile of Student's t with {@code df} degrees of freedom. */
    public static double t975(int df) {
        return T975.computeIfAbsent(df, d -> new TDistribution(null, d).inverseCumulativeProbability(0.975));
    }

    /**
     * Compares a metric between two groups of runs: difference of means (a − b), Welch's two-sided t-test p,
     * Mann-Whitney U two-sided p (normal approximation, Commons Math), Cohen's d with the pooled sd and Hedges'
     * g = d·(1 − 3/(4(na + nb) − 9)). Values that need more data (n < 2 per group, zero variance) are NaN.
     */
    public static MetricComparison compare(String metric, double[] a, double[] b) {
        SummaryStatistics sa = summary(a);
        SummaryStatistics sb = summary(b);
        int na = a.length;
        int nb = b.length;
        double meanA = na > 0 ? sa.getMean() : Double.NaN;
        double meanB = nb > 0 ? sb.getMean() : Double.NaN;
        double welch = Double.NaN;
        double d = Double.NaN;
        if (na >= 2 && nb >= 2) {
            double va = sa.getVariance();
            double vb = sb.getVariance();
            if (va + vb > 0) {
                welch = new TTest().tTest(a, b);
                double pooled = Math.sqrt(((na - 1) * va + (nb - 1) * vb) / (na + nb - 2));
                d = (meanA - meanB) / pooled;
            } else {
                welch = meanA == meanB ? 1.0 : 0.0;
            }
        }
        double mw = na >= 1 && nb >= 1 ? new MannWhitneyUTest().mannWhitneyUTest(a, b) : Double.NaN;
        double g = Double.isNaN(d) ? Double.NaN : d * (1 - 3.0 / (4.0 * (na + nb) - 9));
        return new MetricComparison(metric, na, nb, meanA, meanB, meanA - meanB, welch, mw, d, g);
    }

    private static SummaryStatistics summary(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        return s;
    }

}
