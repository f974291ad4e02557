package io.incentivelab.simulation;

import java.util.List;

/**
 * Outputs sampled every {@code sampleEveryEpochs} epochs (and at the last epoch), column-wise. Keys are
 * the flat keys of {@link RunSummary#toFlatMap()}; each sample covers the epochs since the previous one.
 *
 * @param epochs  the epoch (1-based count of epochs completed) of each sample
 * @param days    the same in days
 * @param keys    one per series, in flat-map order
 * @param columns {@code columns[k][i]} is series k at sample i
 */
public record TimeSeries(int[] epochs, double[] days, List<String> keys, double[][] columns) {

    public TimeSeries {
        keys = List.copyOf(keys);
    }

    public double[] series(String key) {
        int k = keys.indexOf(key);
        if (k < 0) {
            throw new IllegalArgumentException("no series " + key);
        }
        return columns[k].clone();
    }

    public int samples() {
        return epochs.length;
    }
}
