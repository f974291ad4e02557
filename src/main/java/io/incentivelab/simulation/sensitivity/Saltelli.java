package io.incentivelab.simulation.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Variance-based (Sobol) sensitivity by Saltelli sampling and the Jansen estimators (Saltelli et al. 2010,
 * "Variance based sensitivity analysis of model output", estimators (b) of table 2, i.e. Jansen 1999).
 *
 * <p>The design takes N points of a 2k-dimensional Sobol sequence (the origin skipped); the first k coordinates
 * form matrix A, the last k matrix B, both scaled onto the parameters' ranges. AB_i is A with column i taken
 * from B. The model is run on every row of A, B and each AB_i: N·(k+2) runs. With V the variance of f over the
 * rows of A and B,
 * <pre>
 *   S_i  = (V − 1/(2N) Σ_j (f(B)_j − f(AB_i)_j)²) / V      first order
 *   ST_i =      1/(2N) Σ_j (f(A)_j − f(AB_i)_j)²  / V      total effect
 * </pre>
 * Confidence intervals resample the N base rows with replacement (the j-th rows of A, B and every AB_i stay
 * together) and take percentiles of the recomputed indices.
 */
public final class Saltelli {

    /** Largest base sample N accepted. */
    public static final int MAX_BASE_SAMPLES = 1 << 20;
    /** Largest number of parameters (the Sobol sequence needs 2k dimensions, at most 1000). */
    public static final int MAX_PARAMETERS = 500;

    private Saltelli() {
    }

    /** The number of model runs a design with base sample {@code n} over {@code k} parameters needs. */
    public static long runs(int n, int k) {
        return (long) n * (k + 2);
    }

    /** The design: rows of A, then B, then AB_0 … AB_{k−1}, each N rows of k parameter values. */
    public static double[][] design(Ranges ranges, int n) {
        int k = ranges.size();
        checkSizes(n, k);
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
        sobol.nextVector(); // the origin
        double[][] a = new double[n][k];
        double[][] b = new double[n][k];
        for (int j = 0; j < n; j++) {
            double[] u = sobol.nextVector();
            for (int i = 0; i < k; i++) {
                a[j][i] = ranges.scale(i, u[i]);
                b[j][i] = ranges.scale(i, u[k + i]);
            }
        }
        double[][] rows = new double[n * (k + 2)][];
        for (int j = 0; j < n; j++) {
            rows[j] = a[j].clone();
            rows[n + j] = b[j].clone();
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                double[] x = a[j].clone();
                x[i] = b[j][i];
                rows[(2 + i) * n + j] = x;
            }
        }
        return rows;
    }

    /**
     * First-order and total indices from the outputs of the design's rows (same order as {@link #design}).
     *
     * @param resamples bootstrap resamples (0: intervals collapse to the estimate)
     * @param seed      seed of the bootstrap's random stream
     * @param level     confidence level of the intervals, e.g. 0.95
     */
    public static SobolIndices analyse(int k, int n, double[] outputs, int resamples, long seed, double level) {
        checkSizes(n, k);
        Bootstrap.check(resamples, level);
        if (outputs.length != n * (k + 2)) {
            throw new IllegalArgumentException("outputs: expected N·(k+2) = " + runs(n, k) + " values, got "
                    + outputs.length);
        }
        for (int j = 0; j < outputs.length; j++) {
            if (!Double.isFinite(outputs[j])) {
                throw new IllegalArgumentException("outputs[" + j + "]: must be finite, got " + outputs[j]);
            }
        }
        double[] est = indices(k, n, outputs, Bootstrap.all(n), true);
        double[][] reps = new double[2 * k][resamples];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int r = 0; r < resamples; r++) {
            double[] s = indices(k, n, outputs, Bootstrap.resample(rng, n), false);
            for (int c = 0; c < 2 * k; c++) {
                reps[c][r] = s[c];
            }
        }
        List<Index> first = new ArrayList<>(k);
        List<Index> total = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            first.add(Bootstrap.index(est[i], reps[i], level));
            total.add(Bootstrap.index(est[k + i], reps[k + i], level));
        }
        return new SobolIndices(List.copyOf(first), List.copyOf(total), variance(n, outputs, Bootstrap.all(n)));
    }

    /** Design, evaluation in design order and analysis in one call (for functions cheap to evaluate). */
    public static SobolIndices estimate(Ranges ranges, int n, ToDoubleFunction<double[]> f, int resamples,
                                        long seed, double level) {
        double[][] rows = design(ranges, n);
        double[] out = new double[rows.length];
        for (int j = 0; j < rows.length; j++) {
            out[j] = f.applyAsDouble(rows[j]);
        }
        return analyse(ranges.size(), n, out, resamples, seed, level);
    }

    /**
     * S_0..S_{k−1} then ST_0..ST_{k−1} on the rows {@code idx}. When f did not vary over those rows the indices
     * are 0 for the estimate (nothing explains a constant) and NaN for a bootstrap replicate (left out).
     */
    private static double[] indices(int k, int n, double[] out, int[] idx, boolean estimate) {
        double v = variance(n, out, idx);
        double[] s = new double[2 * k];
        if (!(v > 0)) {
            Arrays.fill(s, estimate ? 0.0 : Double.NaN);
            return s;
        }
        int m = idx.length;
        for (int i = 0; i < k; i++) {
            int off = (2 + i) * n;
            double first = 0;
            double total = 0;
            for (int j : idx) {
                double fab = out[off + j];
                double db = out[n + j] - fab;
                double da = out[j] - fab;
                first += db * db;
                total += da * da;
            }
            s[i] = (v - first / (2.0 * m)) / v;
            s[k + i] = total / (2.0 * m) / v;
        }
        return s;
    }

    /** Variance of f over the rows {@code idx} of A and B together (divisor 2m). */
    private static double variance(int n, double[] out, int[] idx) {
        double sum = 0;
        for (int j : idx) {
            sum += out[j] + out[n + j];
        }
        double mean = sum / (2.0 * idx.length);
        double ss = 0;
        for (int j : idx) {
            double a = out[j] - mean;
            double b = out[n + j] - mean;
            ss += a * a + b * b;
        }
        return ss / (2.0 * idx.length);
    }

    private static void checkSizes(int n, int k) {
        if (k < 1 || k > MAX_PARAMETERS) {
            throw new IllegalArgumentException("parameters: between 1 and " + MAX_PARAMETERS + ", got " + k);
        }
        if (n < 2 || n > MAX_BASE_SAMPLES) {
            throw new IllegalArgumentException("baseSamples: between 2 and " + MAX_BASE_SAMPLES + ", got " + n);
        }
    }
}
