package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.incentivelab.simulation.model.CurveType;
import io.incentivelab.simulation.model.RewardCurveSpec;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RewardCurvesTest {

    private static final double[] S = {2, 4, 0, 1, 4};

    private static double[] apply(CurveType type) {
        RewardCurveSpec spec = new RewardCurveSpec(type, 2, 0.5, 2, 0.5, 0.5);
        double[] w = new double[S.length];
        new RewardCurves(spec, S.length).weights(S, S.length, w);
        return w;
    }

    @Test
    void everyCurveOnAHandExample() {
        assertThat(apply(CurveType.PROPORTIONAL)).containsExactly(0.5, 1, 0, 0.25, 1);
        assertThat(apply(CurveType.POWER)).containsExactly(0.25, 1, 0, 0.0625, 1);
        double[] soft = apply(CurveType.SOFTMAX);
        assertThat(soft[1]).isEqualTo(1);
        assertThat(soft[0]).isCloseTo(Math.exp(-1), within(1e-12)); // (0.5 - 1) / 0.5
        assertThat(soft[2]).isCloseTo(Math.exp(-2), within(1e-12));
        // ties (uids 1 and 4 at 4) rank the lower uid first
        assertThat(apply(CurveType.WINNER_TAKE_ALL)).containsExactly(0, 1, 0, 0, 0);
        assertThat(apply(CurveType.TOP_K)).containsExactly(0, 1, 0, 0, 1);
        assertThat(apply(CurveType.RANK_DECAY)).containsExactly(0.25, 1, 0, 0.125, 0.5);
        assertThat(apply(CurveType.THRESHOLD)).containsExactly(0.5, 1, 0, 0, 1);
    }

    @Test
    void noPositiveScoreGivesNoWeight() {
        double[] w = {9, 9};
        new RewardCurves(new RewardCurveSpec(CurveType.SOFTMAX, 2, 0.1, 1, 0.5, 0.5), 2).weights(new double[]{0, 0}, 2, w);
        assertThat(w).containsExactly(0, 0);
    }

    @Test
    void quantisationIsTheSdksMaxUpscaledRounding() {
        int[] row = new int[6];
        RewardCurves.quantise(new double[]{0.5, 1, 0, 0.25}, 4, row, 2);
        assertThat(row).containsExactly(0, 0, 32768, 65535, 0, 16384);
        // the fast rounding agrees with Math.round everywhere, including the largest double below ½
        SplittableRandom r = new SplittableRandom(3);
        double[] w = new double[1001];
        for (int i = 0; i < 1000; i++) {
            w[i] = i % 3 == 0 ? (r.nextInt(65535) + 0.5) / 65535 : r.nextDouble();
        }
        w[1000] = 1;
        int[] fast = new int[1001];
        RewardCurves.quantise(w, 1001, fast, 0);
        for (int i = 0; i < 1001; i++) {
            assertThat(fast[i]).isEqualTo((int) Math.round(w[i] * 65535));
        }
        int[] tiny = new int[2];
        RewardCurves.quantise(new double[]{Math.nextDown(0.5), 65535}, 2, tiny, 0); // scale 1: x = 0.49999999999999994
        assertThat(tiny).containsExactly(0, 65535);
        RewardCurves.quantise(new double[]{0, 0, 0, 0}, 4, row, 2);
        assertThat(row).containsExactly(0, 0, 0, 0, 0, 0);
    }

    @Test
    void roundingMatchesMathRoundAtEveryHalfInteger() {
        // scale 1 (max 65535): x itself is rounded; check k + ½ and its neighbours for every k, and tiny values
        double[] w = new double[3 * 65535 + 4];
        int i = 0;
        for (int k = 0; k < 65535; k++) {
            w[i++] = k + 0.5;
            w[i++] = Math.nextDown(k + 0.5);
            w[i++] = Math.nextUp(k + 0.5);
        }
        w[i++] = Double.MIN_VALUE;
        w[i++] = Math.nextDown(0.5);
        w[i++] = 0;
        w[i] = 65535;
        int[] row = new int[w.length];
        RewardCurves.quantise(w, w.length, 65535, row, 0);
        for (int j = 0; j < w.length; j++) {
            assertThat(row[j]).as("x = %s", w[j]).isEqualTo((int) Math.round(w[j]));
        }
    }

    @Test
    void proportionalWeightsAreTheQuantisedScoresThemselves() {
        RewardCurves proportional = new RewardCurves(new RewardCurveSpec(CurveType.PROPORTIONAL, 2, 0.5, 2, 0.5, 0.5), S.length);
        assertThat(proportional.proportional()).isTrue();
        assertThat(new RewardCurves(new RewardCurveSpec(CurveType.POWER, 2, 0.5, 2, 0.5, 0.5), S.length).proportional()).isFalse();
        double[] w = new double[S.length];
        proportional.weights(S, S.length, w);
        int[] viaWeights = new int[S.length];
        RewardCurves.quantise(w, S.length, viaWeights, 0);
        int[] direct = new int[S.length];
        RewardCurves.quantise(S, S.length, 4, direct, 0);
        assertThat(direct).containsExactly(viaWeights).containsExactly(32768, 65535, 0, 16384, 65535);
    }

    /** The ranking before the radix sort: keys (floatBits << 32 | (2^32 - 1 - j)) sorted, read from the top. */
    private static double[] referenceRanked(CurveType type, double[] s, int m, int k, double d) {
        double[] w = new double[m];
        double max = 0;
        for (int j = 0; j < m; j++) {
            max = Math.max(max, s[j] > max ? s[j] : max);
        }
        if (!(max > 0)) {
            return w;
        }
        long[] keys = new long[m];
        int count = 0;
        for (int j = 0; j < m; j++) {
            if (s[j] > 0) {
                count++;
            }
            keys[j] = ((long) Float.floatToIntBits((float) s[j]) << 32) | (0xFFFFFFFFL - j);
        }
        Arrays.sort(keys);
        double v = 1;
        for (int r = 0; r < count && (type == CurveType.TOP_K ? r < k : v > 1e-9); r++) {
            int j = (int) (0xFFFFFFFFL - (keys[m - 1 - r] & 0xFFFFFFFFL));
            w[j] = type == CurveType.TOP_K ? 1 : v;
            v *= d;
        }
        return w;
    }

    @Test
    void rankedCurvesMatchTheSortedKeysOnRandomScores() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] pool = {0, -0.0, 1e-50, 3e-46, 1e-40, 0.25, 0.5, 1, 1.0000000001, 7, 1e30, Double.MIN_VALUE};
        for (int trial = 0; trial < 3000; trial++) {
            int m = 1 + rng.nextInt(trial % 10 == 0 ? 400 : 40);
            double[] s = new double[m];
            for (int j = 0; j < m; j++) {
                int kind = rng.nextInt(4);
                s[j] = kind == 0 ? pool[rng.nextInt(pool.length)]
                        : kind == 1 ? rng.nextInt(5) / 4.0
                        : rng.nextDouble() * Math.pow(10, rng.nextInt(-8, 9));
            }
            int k = 1 + rng.nextInt(30); // both sides of TOP_K's selection limit (16)
            double d = 0.5 + rng.nextDouble() / 2;
            for (CurveType type : new CurveType[]{CurveType.TOP_K, CurveType.RANK_DECAY}) {
                RewardCurves curves = new RewardCurves(new RewardCurveSpec(type, 2, 0.5, k, d, 0.5), m + 3);
                double[] w = new double[m + 3];
                curves.weights(s, m, w);
                assertThat(Arrays.copyOf(w, m)).as("%s m=%d trial %d", type, m, trial)
                        .containsExactly(referenceRanked(type, s, m, k, d));
            }
        }
    }

    /**
     * quantiseWeights gives exactly quantise(weights(s)) for POWER and SOFTMAX: random vectors with ties, zeros,
     * tiny scores, and scores placed so that their scaled weight falls on a rounding edge (k + ½) to the last bits.
     */
    @Test
    void quantisedWeightsWithoutStrictMathEqualQuantiseOfTheStrictWeights() {
        SplittableRandom rnd = new SplittableRandom(99);
        double[] alphas = {0.3, 0.5, 1.5, 3, 7.25};
        double[] taus = {0.05, 0.1, 0.5, 2};
        int edges = 0;
        for (int trial = 0; trial < 4000; trial++) {
            boolean power = trial % 2 == 0;
            double alpha = alphas[rnd.nextInt(alphas.length)];
            double tau = taus[rnd.nextInt(taus.length)];
            RewardCurves curves = new RewardCurves(
                    new RewardCurveSpec(power ? CurveType.POWER : CurveType.SOFTMAX, alpha, tau, 2, 0.5, 0.5), 200);
            assertThat(curves.strictPerScore()).isTrue();
            int m = 1 + rnd.nextInt(200);
            double[] s = new double[m];
            double top = 0.001 + rnd.nextDouble() * 100;
            for (int j = 0; j < m; j++) {
                int r = rnd.nextInt(10);
                if (r == 0) {
                    s[j] = 0;
                } else if (r == 1) {
                    s[j] = top; // ties at the top
                } else if (r == 2 && power) {
                    // a score whose weight · 65535 is k + ½ in exact arithmetic
                    double y = rnd.nextInt(65535) + 0.5;
                    s[j] = top * Math.pow(y / 65535, 1 / alpha);
                } else if (r == 3 && !power) {
                    double y = rnd.nextInt(65535) + 0.5;
                    s[j] = top * (1 + tau * Math.log(y / 65535));
                } else if (r == 4) {
                    s[j] = top * rnd.nextDouble() * 1e-6;
                } else {
                    s[j] = top * rnd.nextDouble();
                }
                s[j] = Math.max(0, Math.min(top, s[j]));
            }
            double[] w = new double[m];
            curves.weights(s, m, w);
            int[] want = new int[m + 3];
            RewardCurves.quantise(w, m, want, 3);
            int[] got = new int[m + 3];
            curves.quantiseWeights(s, m, new double[m], got, 3);
            assertThat(got).as("trial %d", trial).containsExactly(want);
            double max = Arrays.stream(w).max().orElse(0);
            for (int j = 0; j < m && max > 0; j++) {
                double t = w[j] * (65535 / max) + 0.5;
                edges += Math.abs(t - Math.rint(t)) < RewardCurves.EDGE ? 1 : 0;
            }
        }
        assertThat(edges).as("scaled weights on a rounding edge, settled strictly").isGreaterThan(1000);
    }

    @Test
    void onlyPowerAndSoftmaxTakeTheFastQuantisation() {
        for (CurveType type : CurveType.values()) {
            boolean strict = new RewardCurves(new RewardCurveSpec(type, 1.5, 0.5, 2, 0.5, 0.5), 4).strictPerScore();
            assertThat(strict).as(type.name()).isEqualTo(type == CurveType.POWER || type == CurveType.SOFTMAX);
        }
        assertThat(new RewardCurves(new RewardCurveSpec(CurveType.POWER, 2, 0.5, 2, 0.5, 0.5), 4).strictPerScore())
                .as("POWER with alpha 2 squares, with no StrictMath call").isFalse();
    }
}
