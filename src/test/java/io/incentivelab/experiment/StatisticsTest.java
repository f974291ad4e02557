package io.incentivelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from SciPy 1.17 / NumPy (percentile 'linear' = R-7). */
class StatisticsTest {

    @Test
    void describesOneToFive() {
        MetricStats s = Statistics.describe(new double[] {1, 2, 3, 4, 5});
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.sd()).isCloseTo(1.5811388300841898, within(1e-15));
        double half = 2.7764451051977934 * 1.5811388300841898 / Math.sqrt(5);
        assertThat(s.ci95Low()).isCloseTo(3 - half, within(1e-9));
        assertThat(s.ci95High()).isCloseTo(3 + half, within(1e-9));
        assertThat(new double[] {s.min(), s.p5(), s.p25(), s.p50(), s.p75(), s.p95(), s.max()})
                .containsExactly(new double[] {1, 1.2, 2, 3, 4, 4.8, 5}, within(1e-12));
    }

    @Test
    void describesUnsortedValuesWithTies() {
        MetricStats s = Statistics.describe(new double[] {0.3, 0.1, 0.4, 0.1, 0.5, 0.9, 0.2, 0.6});
        assertThat(s.mean()).isCloseTo(0.3875, within(1e-12));
        assertThat(s.sd()).isCloseTo(0.2748376143938713, within(1e-12));
        assertThat(s.ci95High() - s.mean()).isCloseTo(0.22976999568407544, within(1e-9));
        assertThat(new double[] {s.p5(), s.p25(), s.p50(), s.p75(), s.p95()})
                .containsExactly(new double[] {0.1, 0.175, 0.35, 0.525, 0.795}, within(1e-12));
    }

    @Test
    void oneValueHasNoSpread() {
        MetricStats s = Statistics.describe(new double[] {2.5});
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.sd()).isNaN();
        assertThat(s.ci95Low()).isNaN();
        assertThat(s.p50()).isEqualTo(2.5);
        assertThat(Statistics.describe(new double[0]).n()).isZero();
    }

    @Test
    void t975() {
        assertThat(Statistics.t975(4)).isCloseTo(2.7764451051977934, within(1e-9));
        assertThat(Statistics.t975(1000)).isCloseTo(1.962339, within(1e-6));
    }

    @Test
    void comparesTwoGroups() {
        double[] a = {2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8};
        double[] b = {1.2, 0.9, 2.3, 1.8, 2.6, 1.1};
        MetricComparison c = Statistics.compare("m", a, b);
        assertThat(c.difference()).isCloseTo(1.707142857142857, within(1e-12));
        assertThat(c.welchP()).isCloseTo(0.014026277550422194, within(1e-9));
        assertThat(c.mannWhitneyP()).isCloseTo(0.015158438877439449, within(1e-9));
        assertThat(c.cohensD()).isCloseTo(1.5981122156301832, within(1e-12));
        assertThat(c.hedgesG()).isCloseTo(1.4866160145397054, within(1e-12));
        assertThat(c.nA()).isEqualTo(7);
        assertThat(c.nB()).isEqualTo(6);
    }

    @Test
    void comparisonWithTooLittleDataIsNaNNotAnError() {
        MetricComparison c = Statistics.compare("m", new double[] {1}, new double[] {2, 3});
        assertThat(c.welchP()).isNaN();
        assertThat(c.cohensD()).isNaN();
        assertThat(c.difference()).isEqualTo(-1.5);
        MetricComparison same = Statistics.compare("m", new double[] {1, 1}, new double[] {1, 1});
        assertThat(same.welchP()).isEqualTo(1.0);
    }
}
