package io.incentivelab.simulation.yuma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of one epoch on seeded random inputs (yuma.md §5): sums, conservation, bounds, symmetry, clipping. */
class YumaInvariantsTest {

    private static final int TRIALS = 500;

    @Test
    void incentiveAndDividendsEachSumToOneOrAreAllZero() {
        SplittableRandom rnd = new SplittableRandom(1);
        YumaWorkspace ws = new YumaWorkspace();
        int nonTrivial = 0;
        for (int t = 0; t < TRIALS; t++) {
            int n = 1 + rnd.nextInt(40);
            YumaResult r = new YumaConsensus(RandomYumaInputs.params(rnd, n)).epoch(RandomYumaInputs.generate(rnd, n, false), ws);
            for (double[] v : new double[][] {r.incentive(), r.dividends()}) {
                double sum = Arrays.stream(v).sum();
                if (sum != 0) {
                    assertThat(sum).as("trial " + t).isCloseTo(1.0, within(1e-9));
                    nonTrivial++;
                }
                assertThat(Arrays.stream(v).allMatch(x -> x >= 0 && x <= 1)).isTrue();
            }
        }
        assertThat(nonTrivial).isGreaterThan(TRIALS / 2);
    }

    @Test
    void emissionPaidEqualsEmissionGivenUpToFlooring() {
        SplittableRandom rnd = new SplittableRandom(2);
        YumaWorkspace ws = new YumaWorkspace();
        for (int t = 0; t < TRIALS; t++) {
            int n = 1 + rnd.nextInt(40);
            YumaInputs in = RandomYumaInputs.generate(rnd, n, false);
            YumaResult r = new YumaConsensus(RandomYumaInputs.params(rnd, n)).epoch(in, ws);
            long given = in.raoEmission();
            long paid = 0;
            long combined = 0;
            for (int i = 0; i < n; i++) {
                paid += r.serverEmissionRao()[i] + r.validatorEmissionRao()[i];
                combined += r.emissionRao()[i];
                assertThat(r.emissionRao()[i]).isBetween(r.serverEmissionRao()[i] + r.validatorEmissionRao()[i],
                        r.serverEmissionRao()[i] + r.validatorEmissionRao()[i] + 2);
            }
            if (Arrays.stream(r.stakeNormalized()).sum() == 0) {
                assertThat(paid).as("no stake at all: nothing to pay by").isZero();
                continue;
            }
            assertThat(combined).as("trial " + t).isBetween(given - n, given);
            assertThat(paid).as("trial " + t).isBetween(given - 2L * n, given);
        }
    }

    @Test
    void consensusNeverExceedsLargestWeightInItsColumn() {
        for (int seed = 0; seed < 60; seed++) {
            int validators = 2 + seed % 20;
            int n = validators + 5 + seed;
            YumaInputs in = SyntheticYumaInputs.dense(validators, n, seed);
            YumaParams p = YumaParams.newSubnetDefaults().withMaxAllowedValidators(validators);
            YumaResult r = new YumaConsensus(p).epoch(in, new YumaWorkspace());
            for (int j = 0; j < n; j++) {
                double max = 0;
                for (int i = 0; i < validators; i++) {
                    int[] row = in.weights()[i];
                    long sum = Arrays.stream(row).filter(x -> x > 0).sum();
                    if (sum > 0 && row[j] > 0) {
                        max = Math.max(max, row[j] / (double) sum);
                    }
                }
                assertThat(r.consensus()[j]).as("seed " + seed + " column " + j).isLessThanOrEqualTo(max + 1e-12);
            }
            assertThat(Arrays.stream(r.consensus()).sum()).isPositive();
        }
    }

    @Test
    void permutingUidsPermutesOutputs() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int t = 0; t < 300; t++) {
            int n = 2 + rnd.nextInt(15);
            YumaParams p = RandomYumaInputs.params(rnd, n);
            YumaInputs in = RandomYumaInputs.generate(rnd, n, true);
            int[] perm = permutation(rnd, n); // new uid of old uid i is perm[i]
            YumaParams pp = new YumaParams(p.kappaU16(), p.bondsMovingAverage(), p.bondsPenaltyU16(), p.yuma3(),
                    p.liquidAlpha(), p.alphaLowU16(), p.alphaHighU16(), p.alphaSigmoidSteepness(),
                    p.maxAllowedValidators(), p.activityCutoffBlocks(), p.stakeThreshold(),
                    p.ownerUid() < 0 ? -1 : perm[p.ownerUid()], p.tempo(), p.commitReveal());
            YumaResult a = new YumaConsensus(p).epoch(in, new YumaWorkspace());
            YumaResult b = new YumaConsensus(pp).epoch(permute(in, perm), new YumaWorkspace());
            String at = "trial " + t;
            for (int i = 0; i < n; i++) {
                int k = perm[i];
                assertThat(b.newValidatorPermits()[k]).as(at).isEqualTo(a.newValidatorPermits()[i]);
                assertThat(b.active()[k]).as(at).isEqualTo(a.active()[i]);
                assertThat(b.consensus()[k]).as(at).isCloseTo(a.consensus()[i], within(1e-12));
                assertThat(b.validatorTrust()[k]).as(at).isCloseTo(a.validatorTrust()[i], within(1e-12));
                assertThat(b.incentive()[k]).as(at).isCloseTo(a.incentive()[i], within(1e-12));
                assertThat(b.dividends()[k]).as(at).isCloseTo(a.dividends()[i], within(1e-12));
                assertThat(b.validatorEmissionRao()[k]).as(at).isCloseTo(a.validatorEmissionRao()[i], within(1L));
                assertThat(b.serverEmissionRao()[k]).as(at).isCloseTo(a.serverEmissionRao()[i], within(1L));
                if (a.bondsU16()[i] != null) {
                    for (int j = 0; j < n; j++) {
                        assertThat(b.bondsU16()[k][perm[j]]).as(at).isCloseTo(a.bondsU16()[i][j], within(1));
                    }
                }
            }
        }
    }

    @Test
    void validatorFarFromConsensusLosesValidatorTrust() {
        for (int seed = 0; seed < 20; seed++) {
            int validators = 10;
            int n = 100;
            YumaInputs honest = SyntheticYumaInputs.dense(validators, n, 100 + seed);
            YumaParams p = YumaParams.newSubnetDefaults().withMaxAllowedValidators(validators);
            YumaResult before = new YumaConsensus(p).epoch(honest, new YumaWorkspace());
            // validator 0 turns contrarian: it gives its whole weight to the miners the others rate lowest
            int[][] w = honest.weights().clone();
            int[] contrarian = new int[n];
            Arrays.fill(contrarian, YumaInputs.ABSENT);
            for (int j = validators; j < n; j++) {
                contrarian[j] = before.consensus()[j] < median(before.consensus(), validators) ? 65535 : 0;
            }
            w[0] = contrarian;
            YumaInputs deviant = new YumaInputs(honest.currentBlock(), 0, honest.raoEmission(), honest.stake(), w,
                    honest.lastUpdate(), honest.blockAtRegistration(), honest.permitsBefore(), honest.bondsBefore());
            YumaResult after = new YumaConsensus(p).epoch(deviant, new YumaWorkspace());
            assertThat(after.validatorTrust()[0]).as("seed " + seed).isLessThan(before.validatorTrust()[0] - 0.3);
            for (int i = 1; i < validators; i++) {
                assertThat(after.validatorTrust()[0]).isLessThan(after.validatorTrust()[i]);
            }
        }
    }

    private static double median(double[] c, int from) {
        double[] x = Arrays.copyOfRange(c, from, c.length);
        Arrays.sort(x);
        return x[x.length / 2];
    }

    private static int[] permutation(SplittableRandom rnd, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = rnd.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[k];
            p[k] = tmp;
        }
        return p;
    }

    private static YumaInputs permute(YumaInputs in, int[] perm) {
        int n = in.n();
        long[] stake = new long[n];
        long[] lu = new long[n];
        long[] reg = new long[n];
        boolean[] permits = new boolean[n];
        int[][] w = new int[n][];
        double[][] b = new double[n][];
        long[] commits = in.earliestCommitBlock() == null ? null : new long[n];
        for (int i = 0; i < n; i++) {
            int k = perm[i];
            if (commits != null) {
                commits[k] = in.earliestCommitBlock()[i];
            }
            stake[k] = in.stake()[i];
            lu[k] = in.lastUpdate()[i];
            reg[k] = in.blockAtRegistration()[i];
            permits[k] = in.permitsBefore()[i];
            w[k] = permuteRow(in.weights()[i], perm);
            b[k] = permuteRow(in.bondsBefore()[i], perm);
        }
        return new YumaInputs(in.currentBlock(), in.lastMechanismStepBlock(), in.raoEmission(), stake, w, lu, reg,
                permits, b, commits);
    }

    private static int[] permuteRow(int[] row, int[] perm) {
        if (row == null) {
            return null;
        }
        int[] out = new int[row.length];
        for (int j = 0; j < row.length; j++) {
            out[perm[j]] = row[j];
        }
        return out;
    }

    private static double[] permuteRow(double[] row, int[] perm) {
        if (row == null) {
            return null;
        }
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[perm[j]] = row[j];
        }
        return out;
    }
}
