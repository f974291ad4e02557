package io.incentivelab.simulation.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.incentivelab.simulation.emission.BlockEmission;
import org.junit.jupiter.api.Test;

/**
 * Numbers published about the live network, reproduced with the market's own arithmetic (issue 16). Each
 * case names its source; the facts are collected in ../shared/reference/economics.md ("2026 mechanics").
 */
class PublicWorkedExamplesTest {

    private static final long RAO = BlockEmission.RAO_PER_TAO;

    /**
     * Taostats, "Tao Emission" (docs.taostats.io/docs/tao-emission): at the dTAO launch each of the 64 subnet
     * pools held 1 TAO and 1 alpha, so every price was 1 and each subnet's tao_in was 1/64 = 0.015625 TAO of
     * the 1 TAO block emission; alpha_in matched it in value (cap: 1 alpha a block before June 2026) and the
     * subnet minted 1 alpha for its participants.
     */
    @Test
    void dtaoLaunchGaveEachOfSixtyFourSubnetsOneSixtyFourthOfABlock() {
        int n = 64;
        AlphaPool[] pools = new AlphaPool[n];
        double[] moving = new double[n];
        for (int s = 0; s < n; s++) {
            pools[s] = new AlphaPool(RAO, RAO, 0, 0);
            moving[s] = pools[s].price();
        }
        double[] shares = new double[n];
        EmissionShares.priceDemand(moving, new double[n], true, shares);
        long block = BlockEmission.forIssuance(0); // 1 TAO before the first halving
        assertThat(block).isEqualTo(RAO);
        for (int s = 0; s < n; s++) {
            assertThat(shares[s]).isEqualTo(1.0 / 64);
            AlphaPool.Injection in = pools[s].injectBlock((long) Math.floor(block * shares[s]), 0, false);
            assertThat(in.taoIn()).isEqualTo(15_625_000L); // 0.015625 TAO
            assertThat(in.alphaIn()).isEqualTo(15_625_000L);
            assertThat(in.excessTao()).isZero();
            assertThat(in.alphaOut()).isEqualTo(RAO);
            assertThat(pools[s].price()).isEqualTo(1.0);
        }
    }

    /**
     * Taostats, "How emission is determined" (economics.md §3a): SN64 with 11.15 % of the 0.5 TAO block and
     * root_prop 0.146 had about 20.6 % of its TAO injected and 79.4 % spent on chain buys. The page gives no
     * price; the cap rule alpha_in = root_prop × 1 alpha makes the injected part 0.146·p / 0.05575, so the
     * reported split means p ≈ 0.0787 TAO/alpha. At that price the pool must inject exactly 0.146 alpha,
     * 20.6 % of the TAO, and swap the other 79.4 % for alpha that is taken out of circulation; at twice the
     * price twice the TAO would go in.
     */
    @Test
    void sn64InjectsAFifthOfItsTaoAndChainBuysTheRest() {
        double tao = 0.1115 * 0.5;
        double price = 0.206 * tao / 0.146;
        assertThat(price).isCloseTo(0.0787, within(1e-4));
        long taoRao = Math.round(tao * RAO);
        AlphaPool pool = new AlphaPool(Math.round(price * 1_000_000 * RAO), 1_000_000 * RAO, 0, 0);
        AlphaPool.Injection in = pool.injectBlock(taoRao, 0.146, true);
        assertThat(in.alphaIn()).isEqualTo(146_000_000L);
        assertThat(in.taoIn() / (double) taoRao).isCloseTo(0.206, within(0.0005));
        assertThat(in.excessTao() / (double) taoRao).isCloseTo(0.794, within(0.0005));
        assertThat(in.taoIn() + in.excessTao()).isEqualTo(taoRao);
        assertThat(in.boughtAlpha()).isPositive();
        assertThat(pool.alphaRecycled()).isEqualTo(in.boughtAlpha());

        AlphaPool dearer = new AlphaPool(Math.round(2 * price * 1_000_000 * RAO), 1_000_000 * RAO, 0, 0);
        AlphaPool.Injection twice = dearer.injectBlock(taoRao, 0.146, true);
        assertThat(twice.taoIn() / (double) taoRao).isCloseTo(0.412, within(0.001));
        // under the pre-June-2026 cap (1 alpha) nothing is left over at either price
        AlphaPool old = new AlphaPool(Math.round(price * 1_000_000 * RAO), 1_000_000 * RAO, 0, 0);
        assertThat(old.injectBlock(taoRao, 0.146, false).excessTao()).isZero();
    }

    /**
     * economics.md §2c, step 4 (subtensor FlowNormExponent; Taostats "Tao Flow"): with p = 1.5 a subnet with
     * twice the net flow of another gets 2^1.5 ≈ 2.83 times its emission; with the chain's p = 1, twice.
     */
    @Test
    void flowExponentOneAndAHalfTurnsTwiceTheFlowIntoTwoPointEightThreeTimesTheEmission() {
        double[] out = new double[2];
        EmissionShares.flowShares(new double[]{2, 1}, 0, 1.5, out);
        assertThat(out[0] / out[1]).isCloseTo(2.83, within(0.005));
        assertThat(out[0] + out[1]).isCloseTo(1, within(1e-12));
        EmissionShares.flowShares(new double[]{2, 1}, 0, 1, out);
        assertThat(out[0] / out[1]).isCloseTo(2, within(1e-12));
    }
}
