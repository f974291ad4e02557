package io.incentivelab.simulation.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Morris elementary effects (Morris 1991, with μ* of Campolongo, Cariboni, Saltelli 2007) as a screening.
 *
 * <p>Each of r trajectories starts at a random point of a p-level grid on the unit cube and moves one parameter
 * at a time, in a random order, by Δ = p / (2(p−1)) (upwards from the lower half of the levels, downwards from
 * the upper half, so it stays on the grid): k+1 runs per trajectory, r·(k+1) in all. The elementary effect of
 * parameter i is EE_i = (f(x + Δ·e_i) − f(x)) / Δ in unit-cube coordinates, so effects of parameters with
 * different units compare. Per parameter: μ* = mean |EE| (importance), μ = mean EE (direction), σ = sample
 * standard deviation of EE (non-linearity or interactions). Intervals resample whole trajectories.
 */
public final class Morris {

    /** Largest number of trajectories accepted. */
    public static final int MAX_TRAJECTORIES = 100_000;
    /** Largest number of grid levels accepted. */
    public static final int MAX_LEVELS = 100;

    private Morris() {
    }

    /** The number of model runs r trajectories over k parameters need. */
    public static long runs(int r, int k) {
        return (long) r * (k + 1);
    }

    /**
     * The design: for each trajectory its k+1 rows (in order), which parameter the step into row t+1 changed,
     * and in which direction.
     *
     * @param rows   r·(k+1) rows of parameter values, trajectory by trajectory
     * @param moved  per trajectory, the parameter changed at each of its k steps
     * @param upward per trajectory and step, whether the parameter went up by Δ (else down)
     */
    public record Design(int trajectories, int parameters, int levels, double[][] rows, int[][] moved,
                         boolean[][] upward) {

        /** Δ in unit-cube coordinates. */
        public double delta() {
            return levels / (2.0 * (levels - 1));
        }
    }

    /** A design of {@code r} trajectories on a {@code levels}-level grid (even, ≥ 2), drawn from {@code seed}. */
    public static Design design(Ranges ranges, int r, int levels, long seed) {
        int k = ranges.size();
        checkSizes(r, k);
        if (levels < 2 || levels > MAX_LEVELS || levels % 2 != 0) {
            throw new IllegalArgumentException("levels: an even number between 2 and " + MAX_LEVELS + ", got "
                    + levels);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int jump = levels / 2;
        double[][] rows = new double[r * (k + 1)][];
        int[][] moved = new int[r][k];
        boolean[][] upward = new boolean[r][k];
        for (int t = 0; t < r; t++) {
            int[] level = new int[k];
            for (int i = 0; i < k; i++) {
                level[i] = rng.nextInt(levels);
            }
            int[] order = new int[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            for (int i = k - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int x = order[i];
                order[i] = order[j];
                order[j] = x;
            }
            rows[t * (k + 1)] = point(ranges, level, levels);
            for (int s = 0; s < k; s++) {
                int i = order[s];
                boolean up = level[i] < jump;
                level[i] += up ? jump : -jump;
                moved[t][s] = i;
                upward[t][s] = up;
                rows[t * (k + 1) + s + 1] = point(ranges, level, levels);
            }
        }
        return new Design(r, k, levels, rows, moved, upward);
    }

    /** μ*, μ and σ per parameter from the outputs of the design's rows (same order as {@link Design#rows}). */
    public static MorrisIndices analyse(Design design, double[] outputs, int resamples, long seed, double level) {
        Bootstrap.check(resamples, level);
        int r = design.trajectories();
        int k = design.parameters();
        if (outputs.length != design.rows().length) {
            throw new IllegalArgumentException("outputs: expected r·(k+1) = " + runs(r, k) + " values, got "
                    + outputs.length);
        }
        for (int j = 0; j < outputs.length; j++) {
            if (!Double.isFinite(outputs[j])) {
                throw new IllegalArgumentException("outputs[" + j + "]: must be finite, got " + outputs[j]);
            }
        }
        double[][] ee = new double[r][k];
        double delta = design.delta();
        for (int t = 0; t < r; t++) {
            for (int s = 0; s < k; s++) {
                double df = outputs[t * (k + 1) + s + 1] - outputs[t * (k + 1) + s];
                ee[t][design.moved()[t][s]] = design.upward()[t][s] ? df / delta : -df / delta;
            }
        }
        double[] est = stats(ee, k, Bootstrap.all(r));
        double[][] reps = new double[3 * k][resamples];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) {
            double[] s = stats(ee, k, Bootstrap.resample(rng, r));
            for (int c = 0; c < 3 * k; c++) {
                reps[c][b] = s[c];
            }
        }
        List<Index> muStar = new ArrayList<>(k);
        List<Index> mu = new ArrayList<>(k);
        List<Index> sigma = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            muStar.add(Bootstrap.index(est[i], reps[i], level));
            mu.add(Bootstrap.index(est[k + i], reps[k + i], level));
            sigma.add(Bootstrap.index(est[2 * k + i], reps[2 * k + i], level));
        }
        return new MorrisIndices(List.copyOf(muStar), List.copyOf(mu), List.copyOf(sigma));
    }

    /** Design, evaluation in design order and analysis in one call. */
    public static MorrisIndices estimate(Ranges ranges, int r, int levels, ToDoubleFunction<double[]> f,
                                         int resamples, long seed, double level) {
        Design d = design(ranges, r, levels, seed);
        double[] out = new double[d.rows().length];
        for (int j = 0; j < out.length; j++) {
            out[j] = f.applyAsDouble(d.rows()[j]);
        }
        return analyse(d, out, resamples, seed ^ 0x5DEECE66DL, level);
    }

    /** μ*_0..k−1, μ_0..k−1, σ_0..k−1 over the trajectories {@code idx}. */
    private static double[] stats(double[][] ee, int k, int[] idx) {
        double[] s = new double[3 * k];
        int m = idx.length;
        for (int i = 0; i < k; i++) {
            double abs = 0;
            double sum = 0;
            for (int t : idx) {
                abs += Math.abs(ee[t][i]);
                sum += ee[t][i];
            }
            double mean = sum / m;
            double ss = 0;
            for (int t : idx) {
                double d = ee[t][i] - mean;
                ss += d * d;
            }
            s[i] = abs / m;
            s[k + i] = mean;
            s[2 * k + i] = m > 1 ? Math.sqrt(ss / (m - 1)) : 0.0;
        }
        return s;
    }

    private static double[] point(Ranges ranges, int[] level, int levels) {
        double[] x = new double[level.length];
        for (int i = 0; i < level.length; i++) {
            x[i] = ranges.scale(i, level[i] / (double) (levels - 1));
        }
        return x;
    }

    private static void checkSizes(int r, int k) {
        if (k < 1 || k > Saltelli.MAX_PARAMETERS) {
            throw new IllegalArgumentException("parameters: between 1 and " + Saltelli.MAX_PARAMETERS + ", got "
                    + k);
        }
        if (r < 2 || r > MAX_TRAJECTORIES) {
            throw new IllegalArgumentException("trajectories: between 2 and " + MAX_TRAJECTORIES + ", got " + r);
        }
    }
}
