package io.incentivelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompactSeriesTest {

    @Test
    void downsamplesEvenlyKeepingBothEndsAndRoundTrips() {
        int n = 1000;
        int[] epochs = new int[n];
        float[][] v = new float[2][n];
        for (int i = 0; i < n; i++) {
            epochs[i] = i * 5;
            v[0][i] = i;
            v[1][i] = (float) Math.sin(i);
        }
        CompactSeries s = new CompactSeries(List.of("a.gini", "a.hhi"), epochs, v).downsample(64);
        assertThat(s.epochs()).hasSize(64);
        assertThat(s.epochs()[0]).isZero();
        assertThat(s.epochs()[63]).isEqualTo(4995);
        byte[] bytes = s.encode();
        assertThat(bytes.length).isLessThan(2 * 64 * 4 + 64 * 4 + 100);
        assertThat(CompactSeries.decode(bytes)).isEqualTo(s);
        assertThat(CompactSeries.decode(new byte[0])).isEqualTo(CompactSeries.EMPTY);
    }

    @Test
    void seriesBandAveragesReplicates() {
        CompactSeries r1 = new CompactSeries(List.of("m"), new int[] {0, 1}, new float[][] {{1, 2}});
        CompactSeries r2 = new CompactSeries(List.of("m"), new int[] {0, 1}, new float[][] {{3, 4}});
        SeriesBand band = SeriesBand.of(List.of(r1, r2));
        assertThat(band.mean()[0]).containsExactly(2, 3);
        assertThat(band.replicates()).isEqualTo(2);
        assertThat(band.ci95High()[0][0] - 2).isEqualTo(Statistics.t975(1) * Math.sqrt(2) / Math.sqrt(2));
    }
}
