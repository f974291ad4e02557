package io.incentivelab.experiment;

import java.util.Arrays;
import java.util.List;

/**
 * The time series of one sweep point across its replicates: per series and sample, the mean and a 95%
 * Student-t interval (NaN with fewer than 2 replicates). Runs whose sampling differs from the first are left out.
 *
 * @param replicates the runs included
 */
public record SeriesBand(List<String> names, int[] epochs, double[][] mean, double[][] ci95Low, double[][] ci95High,
        int replicates) {

    static SeriesBand of(List<CompactSeries> runs) {
        if (runs.isEmpty()) {
            return new SeriesBand(List.of(), new int[0], new double[0][], new double[0][], new double[0][], 0);
        }
        CompactSeries first = runs.get(0);
        List<CompactSeries> same = runs.stream()
                .filter(r -> r.names().equals(first.names()) && Arrays.equals(r.epochs(), first.epochs())).toList();
        int s = first.names().size();
        int n = first.epochs().length;
        double[][] mean = new double[s][n];
        double[][] lo = new double[s][n];
        double[][] hi = new double[s][n];
        double[] column = new double[same.size()];
        for (int k = 0; k < s; k++) {
            for (int i = 0; i < n; i++) {
                int m = 0;
                for (CompactSeries r : same) {
                    float v = r.values()[k][i];
                    if (Float.isFinite(v)) {
                        column[m++] = v;
                    }
                }
                MetricStats st = Statistics.describe(Arrays.copyOf(column, m));
                mean[k][i] = st.mean();
                lo[k][i] = st.ci95Low();
                hi[k][i] = st.ci95High();
            }
        }
        return new SeriesBand(first.names(), first.epochs(), mean, lo, hi, same.size());
    }
}
