package io.incentivelab.simulation;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The hot path's standard normal: 4096 quantiles z_i = Φ⁻¹((i + ½)/4096), one picked by 12 random bits.
 * It is a discretised normal (tails truncated at ±3.6σ, variance 0.9995) that costs one table load instead
 * of a Box–Muller or ziggurat draw; ample for validator measurement noise and the normal approximation of
 * large binomials. Multiplicative lognormal noise exp(σZ) is precomputed per σ by {@link #lognormal}.
 */
final class NormalTable {

    static final int BITS = 12;
    static final int SIZE = 1 << BITS;
    static final double[] Z = build();

    private NormalTable() {
    }

    private static double[] build() {
        NormalDistribution normal = new NormalDistribution(null, 0, 1, 1e-12);
        double[] z = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            z[i] = normal.inverseCumulativeProbability((i + 0.5) / SIZE);
        }
        return z;
    }

    /** exp(σ z_i) for every table entry. */
    static double[] lognormal(double sigma) {
        double[] t = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            t[i] = StrictMath.exp(sigma * Z[i]);
        }
        return t;
    }
}
