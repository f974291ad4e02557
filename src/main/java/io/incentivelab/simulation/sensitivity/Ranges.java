package io.incentivelab.simulation.sensitivity;

/** Lower and upper bounds of the k parameters being studied; maps unit-cube coordinates onto them. */
public record Ranges(double[] lower, double[] upper) {

    public Ranges {
        if (lower == null || upper == null || lower.length != upper.length) {
            throw new IllegalArgumentException("ranges: lower and upper bounds must have the same length");
        }
        if (lower.length == 0) {
            throw new IllegalArgumentException("ranges: at least 1 parameter is needed");
        }
        for (int i = 0; i < lower.length; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i]) || !(lower[i] < upper[i])) {
                throw new IllegalArgumentException("ranges[" + i + "]: needs finite from < to, got "
                        + lower[i] + " .. " + upper[i]);
            }
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    public int size() {
        return lower.length;
    }

    /** The point with unit coordinate {@code u} on parameter {@code i}. */
    double scale(int i, double u) {
        return lower[i] + u * (upper[i] - lower[i]);
    }
}
