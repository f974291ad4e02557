package io.incentivelab.simulation.yuma;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subnet's epochs run with a {@link YumaCarry} return exactly what full epochs return, over chains of epochs
 * whose bonds and permits carry over, whether or not the weights, stakes, registrations or activity change
 * between them; and with the new-subnet defaults the carry is actually reused.
 */
class YumaCarryTest {

    @Test
    void carriedEpochsAreIdenticalToFullEpochsThroughChangesOfEveryInput() {
        SplittableRandom rnd = new SplittableRandom(23);
        YumaWorkspace full = new YumaWorkspace();
        YumaWorkspace carried = new YumaWorkspace();
        int reusedEpochs = 0;
        for (int t = 0; t < 200; t++) {
            int n = 2 + rnd.nextInt(40);
            YumaParams params = t % 3 == 0 ? defaults(n) : RandomYumaInputs.params(rnd, n);
            YumaConsensus yuma = new YumaConsensus(params);
            YumaInputs in = RandomYumaInputs.generate(rnd, n, t % 2 == 0);
            YumaCarry carry = new YumaCarry();
            // another subnet's epochs in between use the same workspace, as on a stepping thread
            YumaInputs other = RandomYumaInputs.generate(rnd, 2 + rnd.nextInt(40), true);
            boolean unchanged = false;
            for (int e = 0; e < 8; e++) {
                YumaResult want = yuma.epoch(in, full);
                YumaResult got = yuma.epoch(in, carried, carry, unchanged);
                assertSame(got, want, n);
                if (unchanged && carry.reusable()) {
                    reusedEpochs++;
                }
                new YumaConsensus(RandomYumaInputs.params(rnd, other.n())).epoch(other, carried);
                int change = rnd.nextInt(8);
                in = next(in, want, rnd, change);
                unchanged = change != 1; // every change but the weights' keeps the promise
            }
        }
        assertThat(reusedEpochs).isGreaterThan(100);
    }

    @Test
    void theWeightsAreReadAgainWhenTheyChange() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 30;
        YumaConsensus yuma = new YumaConsensus(defaults(n));
        YumaInputs in = RandomYumaInputs.generate(rnd, n, true);
        YumaCarry carry = new YumaCarry();
        YumaWorkspace ws = new YumaWorkspace();
        YumaResult first = yuma.epoch(in, ws, carry, false);
        YumaInputs changed = next(in, first, rnd, 1);
        YumaResult want = yuma.epoch(changed, new YumaWorkspace());
        assertSame(yuma.epoch(changed, ws, carry, false), want, n);
    }

    private static YumaParams defaults(int n) {
        YumaParams d = YumaParams.newSubnetDefaults();
        return new YumaParams(d.kappaU16(), d.bondsMovingAverage(), d.bondsPenaltyU16(), true, false, d.alphaLowU16(),
                d.alphaHighU16(), d.alphaSigmoidSteepness(), n, 5000, 0, -1, 360);
    }

    /** The next epoch's inputs: the result's bonds and permits, one block tempo later, and one change (or none). */
    private static YumaInputs next(YumaInputs in, YumaResult r, SplittableRandom rnd, int change) {
        int n = in.n();
        long block = in.currentBlock() + 360;
        long[] stake = in.stake().clone();
        int[][] weights = in.weights().clone();
        long[] lastUpdate = in.lastUpdate().clone();
        long[] reg = in.blockAtRegistration().clone();
        int u = rnd.nextInt(n);
        switch (change) {
            case 1 -> { // weights
                int[] row = new int[n];
                for (int j = 0; j < n; j++) {
                    row[j] = rnd.nextInt(4) == 0 ? YumaInputs.ABSENT : rnd.nextInt(65536);
                }
                weights[u] = row;
            }
            case 2 -> stake[u] = 1 + rnd.nextLong(1_000_000_000_000L); // stake
            case 3 -> reg[u] = block - 1; // a registration (the uid's weight mask and bonds change)
            case 4 -> lastUpdate[u] = block; // activity
            default -> {
                // nothing but the bonds, permits and block
            }
        }
        return new YumaInputs(block, in.currentBlock(), in.raoEmission(), stake, weights, lastUpdate, reg,
                r.newValidatorPermits(), r.bonds(), in.earliestCommitBlock());
    }

    private static void assertSame(YumaResult got, YumaResult want, int n) {
        assertThat(got.consensus()).containsExactly(want.consensus());
        assertThat(got.validatorTrust()).containsExactly(want.validatorTrust());
        assertThat(got.ranks()).containsExactly(want.ranks());
        assertThat(got.incentive()).containsExactly(want.incentive());
        assertThat(got.dividends()).containsExactly(want.dividends());
        assertThat(got.emissionRao()).containsExactly(want.emissionRao());
        assertThat(got.serverEmissionRao()).containsExactly(want.serverEmissionRao());
        assertThat(got.validatorEmissionRao()).containsExactly(want.validatorEmissionRao());
        assertThat(got.newValidatorPermits()).containsExactly(want.newValidatorPermits());
        for (int i = 0; i < n; i++) {
            assertThat(got.bondsU16()[i]).isEqualTo(want.bondsU16()[i]);
        }
    }
}
