package io.incentivelab.simulation.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class SensitivityTest {

    private static final double A = 7;
    private static final double B = 0.1;
    private static final Ranges CUBE_PI = new Ranges(new double[] {-Math.PI, -Math.PI, -Math.PI},
            new double[] {Math.PI, Math.PI, Math.PI});

    /** Ishigami and Homma (1990). */
    private static final ToDoubleFunction<double[]> ISHIGAMI = x ->
            Math.sin(x[0]) + A * Math.sin(x[1]) * Math.sin(x[1]) + B * Math.pow(x[2], 4) * Math.sin(x[0]);

    /** Analytic indices of the Ishigami function, derived from its variance decomposition. */
    private static double[][] ishigamiAnalytic() {
        double pi4 = Math.pow(Math.PI, 4);
        double v1 = 0.5 * Math.pow(1 + B * pi4 / 5, 2);
        double v2 = A * A / 8;
        double v13 = B * B * Math.pow(Math.PI, 8) * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        return new double[][] {{v1 / v, v2 / v, 0}, {(v1 + v13) / v, v2 / v, v13 / v}};
    }

    @Test
    void analyticIshigamiIndicesAreTheKnownValues() {
        double[][] s = ishigamiAnalytic();
        assertThat(s[0][0]).isCloseTo(0.3139, within(1e-3));
        assertThat(s[0][1]).isCloseTo(0.4424, within(1e-3));
        assertThat(s[1][0]).isCloseTo(0.5576, within(1e-3));
        assertThat(s[1][2]).isCloseTo(0.2437, within(1e-3));
    }

    @Test
    void saltelliJansenRecoversTheIshigamiIndicesWithinTheirIntervals() {
        SobolIndices r = Saltelli.estimate(CUBE_PI, 2048, ISHIGAMI, 500, 42L, 0.95);
        double[][] exact = ishigamiAnalytic();
        for (int i = 0; i < 3; i++) {
            Index s = r.first().get(i);
            Index st = r.total().get(i);
            assertThat(s.covers(exact[0][i])).as("S%d %s covers %s", i + 1, s, exact[0][i]).isTrue();
            assertThat(st.covers(exact[1][i])).as("ST%d %s covers %s", i + 1, st, exact[1][i]).isTrue();
            assertThat(s.estimate()).as("S%d", i + 1).isCloseTo(exact[0][i], within(0.05));
            assertThat(st.estimate()).as("ST%d", i + 1).isCloseTo(exact[1][i], within(0.05));
            // intervals are informative, not the whole unit line
            assertThat(s.upper() - s.lower()).isLessThan(0.2);
            assertThat(st.upper() - st.lower()).isLessThan(0.2);
        }
        // the ranking an analyst reads off: x2 first by S, x1 first by ST, x3 matters only through interaction
        assertThat(r.first().get(1).estimate()).isGreaterThan(r.first().get(0).estimate());
        assertThat(r.total().get(0).estimate()).isGreaterThan(r.total().get(1).estimate());
        assertThat(r.total().get(2).lower()).isGreaterThan(0.1);
    }

    @Test
    void anInputTheFunctionIgnoresHasIndicesNearZero() {
        Ranges unit = new Ranges(new double[] {0, 0, 0}, new double[] {1, 1, 1});
        SobolIndices r = Saltelli.estimate(unit, 1024, x -> x[0] + 2 * x[1], 300, 7L, 0.95);
        // additive: S1 = 1/5, S2 = 4/5
        assertThat(r.first().get(0).covers(0.2)).as("%s", r.first().get(0)).isTrue();
        assertThat(r.first().get(1).covers(0.8)).as("%s", r.first().get(1)).isTrue();
        Index s3 = r.first().get(2);
        Index st3 = r.total().get(2);
        assertThat(s3.estimate()).isCloseTo(0, within(0.02));
        assertThat(s3.covers(0)).as("%s", s3).isTrue();
        // f(A) and f(AB_3) are identical rows' outputs, so the total effect is exactly 0
        assertThat(st3.estimate()).isZero();
        assertThat(st3.upper()).isZero();

        MorrisIndices m = Morris.estimate(unit, 30, 4, x -> x[0] + 2 * x[1], 300, 7L, 0.95);
        assertThat(m.muStar().get(2).estimate()).isZero();
        assertThat(m.muStar().get(2).upper()).isZero();
        assertThat(m.sigma().get(2).estimate()).isZero();
    }

    @Test
    void morrisElementaryEffectsOfALinearFunctionAreItsSlopesInUnitCoordinates() {
        // slope 3 per unit of x1 over a range of width 2 -> 6 per unit-cube unit; x2 decreasing, slope -1 over 10
        Ranges r = new Ranges(new double[] {0, 5}, new double[] {2, 15});
        MorrisIndices m = Morris.estimate(r, 20, 6, x -> 3 * x[0] - x[1], 200, 3L, 0.95);
        assertThat(m.muStar().get(0).estimate()).isCloseTo(6, within(1e-9));
        assertThat(m.mu().get(0).estimate()).isCloseTo(6, within(1e-9));
        assertThat(m.muStar().get(1).estimate()).isCloseTo(10, within(1e-9));
        assertThat(m.mu().get(1).estimate()).isCloseTo(-10, within(1e-9));
        assertThat(m.sigma().get(0).estimate()).isCloseTo(0, within(1e-9));
    }

    @Test
    void morrisScreensTheIshigamiFunction() {
        MorrisIndices m = Morris.estimate(CUBE_PI, 200, 4, ISHIGAMI, 500, 11L, 0.95);
        // x3 has no first-order effect but interacts with x1: screening must not drop it
        assertThat(m.muStar().get(2).lower()).isGreaterThan(0);
        assertThat(m.sigma().get(2).estimate()).isGreaterThan(0);
        // on the 4-level grid x2 only steps between sin² = 0 and sin² = 3/4: |EE| = 7·(3/4)/Δ every time
        assertThat(m.muStar().get(1).estimate()).isCloseTo(7 * 0.75 / (2.0 / 3), within(1e-9));
        for (int i : new int[] {0, 2}) {
            Index mu = m.muStar().get(i);
            assertThat(mu.covers(mu.estimate())).isTrue();
            assertThat(mu.lower()).isLessThan(mu.upper());
        }
    }

    @Test
    void morrisTrajectoriesStayOnTheGridAndMoveOneParameterAtATime() {
        Morris.Design d = Morris.design(CUBE_PI, 10, 4, 5L);
        assertThat(d.rows()).hasNumberOfRows((int) Morris.runs(10, 3));
        for (int t = 0; t < 10; t++) {
            for (int s = 0; s < 3; s++) {
                double[] x = d.rows()[t * 4 + s];
                double[] y = d.rows()[t * 4 + s + 1];
                int changed = 0;
                for (int i = 0; i < 3; i++) {
                    if (x[i] != y[i]) {
                        changed++;
                        assertThat(i).isEqualTo(d.moved()[t][s]);
                        assertThat(Math.abs(y[i] - x[i])).isCloseTo(d.delta() * 2 * Math.PI, within(1e-12));
                    }
                    assertThat(y[i]).isBetween(-Math.PI, Math.PI);
                }
                assertThat(changed).isEqualTo(1);
            }
            assertThat(d.moved()[t]).containsExactlyInAnyOrder(0, 1, 2);
        }
    }

    @Test
    void saltelliDesignHasTheDocumentedShape() {
        double[][] rows = Saltelli.design(CUBE_PI, 16);
        assertThat(rows).hasNumberOfRows((int) Saltelli.runs(16, 3)).hasNumberOfRows(16 * 5);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 16; j++) {
                double[] ab = rows[(2 + i) * 16 + j];
                for (int c = 0; c < 3; c++) {
                    assertThat(ab[c]).isEqualTo(c == i ? rows[16 + j][c] : rows[j][c]);
                }
            }
        }
    }

    @Test
    void aFixedSeedGivesIdenticalResultsAndAnotherSeedOtherIntervals() {
        SobolIndices a = Saltelli.estimate(CUBE_PI, 256, ISHIGAMI, 200, 9L, 0.9);
        SobolIndices b = Saltelli.estimate(CUBE_PI, 256, ISHIGAMI, 200, 9L, 0.9);
        SobolIndices c = Saltelli.estimate(CUBE_PI, 256, ISHIGAMI, 200, 10L, 0.9);
        assertThat(b).isEqualTo(a);
        assertThat(c.first().get(0).estimate()).isEqualTo(a.first().get(0).estimate());
        assertThat(c.first().get(0).lower()).isNotEqualTo(a.first().get(0).lower());
        MorrisIndices m1 = Morris.estimate(CUBE_PI, 40, 4, ISHIGAMI, 200, 9L, 0.9);
        MorrisIndices m2 = Morris.estimate(CUBE_PI, 40, 4, ISHIGAMI, 200, 9L, 0.9);
        assertThat(m2).isEqualTo(m1);
    }

    @Test
    void aConstantOutputHasZeroIndices() {
        SobolIndices r = Saltelli.estimate(CUBE_PI, 64, x -> 4.0, 50, 1L, 0.95);
        assertThat(r.first()).containsOnly(new Index(0, 0, 0));
        assertThat(r.total()).containsOnly(new Index(0, 0, 0));
    }

    @Test
    void badInputNamesTheFieldAndTheLimit() {
        assertThatThrownBy(() -> Saltelli.design(CUBE_PI, 1)).hasMessageContaining("baseSamples")
                .hasMessageContaining("between 2 and");
        assertThatThrownBy(() -> new Ranges(new double[] {1}, new double[] {1})).hasMessageContaining("ranges[0]");
        assertThatThrownBy(() -> Morris.design(CUBE_PI, 5, 3, 1L)).hasMessageContaining("levels")
                .hasMessageContaining("even");
        assertThatThrownBy(() -> Morris.design(CUBE_PI, 1, 4, 1L)).hasMessageContaining("trajectories");
        assertThatThrownBy(() -> Saltelli.analyse(3, 4, new double[19], 10, 1L, 0.95))
                .hasMessageContaining("expected N·(k+2) = 20");
        assertThatThrownBy(() -> Saltelli.analyse(3, 4, new double[20], -1, 1L, 0.95))
                .hasMessageContaining("bootstrap");
        double[] nan = new double[20];
        nan[3] = Double.NaN;
        assertThatThrownBy(() -> Saltelli.analyse(3, 4, nan, 10, 1L, 0.95)).hasMessageContaining("outputs[3]");
        assertThatThrownBy(() -> Saltelli.analyse(3, 4, new double[20], 10, 1L, 1.0))
                .hasMessageContaining("confidenceLevel");
        assertThat(List.of(Saltelli.runs(100, 4), Morris.runs(10, 4))).containsExactly(600L, 50L);
    }
}
