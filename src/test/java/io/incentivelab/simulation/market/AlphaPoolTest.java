package io.incentivelab.simulation.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.incentivelab.simulation.emission.BlockEmission;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

class AlphaPoolTest {

    private static final long RAO = BlockEmission.RAO_PER_TAO;

    @Test
    void swapWithoutFeeKeepsTheConstantProduct() {
        AlphaPool pool = new AlphaPool(1_000 * RAO, 50_000 * RAO, 0, 0);
        double k = (double) pool.taoReserve() * pool.alphaReserve();
        long bought = pool.stake(10 * RAO);
        // closed form: Δα = α·Δτ/(τ+Δτ) = 50,000·10/1,010 alpha
        assertThat(bought / (double) RAO).isCloseTo(50_000.0 * 10 / 1_010, within(1e-9));
        double k1 = (double) pool.taoReserve() * pool.alphaReserve();
        assertThat(k1).isGreaterThanOrEqualTo(k);
        assertThat((k1 - k) / k).isLessThan(1e-12);
        long back = pool.unstake(bought);
        double k2 = (double) pool.taoReserve() * pool.alphaReserve();
        assertThat(k2).isGreaterThanOrEqualTo(k1);
        assertThat((k2 - k) / k).isLessThan(1e-12);
        // a round trip without fees returns the TAO less at most the flooring
        assertThat(10 * RAO - back).isBetween(0L, 2L);
        assertThat(pool.alphaOutstanding()).isZero();
    }

    @Test
    void buyingRaisesThePriceSellingLowersIt() {
        AlphaPool pool = new AlphaPool(1_000 * RAO, 50_000 * RAO, 100 * RAO, 0);
        double p0 = pool.price();
        pool.stake(100 * RAO);
        assertThat(pool.price()).isGreaterThan(p0);
        // after buying Δτ the price is (τ+Δτ)²/k
        assertThat(pool.price()).isCloseTo(1_100.0 * 1_100 / (1_000.0 * 50_000), within(1e-9));
        double p1 = pool.price();
        pool.unstake(50 * RAO);
        assertThat(pool.price()).isLessThan(p1);
    }

    @Test
    void injectionBelowTheCapIsPriceNeutralAndConserves() {
        AlphaPool pool = new AlphaPool(10_000 * RAO, 100_000 * RAO, 0, 0);
        double p = pool.price(); // 0.1 TAO per alpha
        long tao0 = pool.taoReserve();
        AlphaPool.Injection in = pool.injectBlock(RAO / 20, 1, false); // 0.05 TAO → 0.5 alpha < 1 alpha cap
        assertThat(in.excessTao()).isZero();
        assertThat(in.boughtAlpha()).isZero();
        assertThat(in.alphaIn()).isEqualTo(RAO / 2);
        assertThat(in.alphaOut()).isEqualTo(RAO);
        assertThat(pool.price()).isCloseTo(p, within(1e-15));
        assertThat(pool.taoReserve() - tao0).isEqualTo(RAO / 20);
    }

    @Test
    void overTheCapTheExcessBuysAlphaWhichIsRecycled() {
        // expensive alpha: 2 TAO each. T = 0.5 TAO wants 0.25 alpha in; root cap 0.1 → 0.1 alpha in, 0.2 TAO in
        AlphaPool pool = new AlphaPool(200_000 * RAO, 100_000 * RAO, 0, 0);
        AlphaPool.Injection in = pool.injectBlock(RAO / 2, 0.1, true);
        assertThat(in.alphaIn()).isEqualTo(RAO / 10);
        assertThat(in.taoIn()).isEqualTo(RAO / 5);
        assertThat(in.excessTao()).isEqualTo(3 * RAO / 10);
        assertThat(in.boughtAlpha()).isPositive();
        assertThat(pool.alphaRecycled()).isEqualTo(in.boughtAlpha());
        assertThat(pool.taoChainBuys()).isEqualTo(3 * RAO / 10);
        // a chain buy moves the price up
        assertThat(pool.price()).isGreaterThan(2.0);
        // with the pre-June-2026 cap (1 alpha) the same block is all injection
        AlphaPool legacy = new AlphaPool(200_000 * RAO, 100_000 * RAO, 0, 0);
        assertThat(legacy.injectBlock(RAO / 2, 0.1, false).excessTao()).isZero();
    }

    @Test
    void everyBlockConservesTaoAndAlpha() {
        SplittableRandom r = new SplittableRandom(7);
        AlphaPool pool = new AlphaPool(3_000 * RAO, 20_000 * RAO, 5_000 * RAO, 0);
        for (int b = 0; b < 20_000; b++) {
            long tao = pool.taoReserve();
            long reserve = pool.alphaReserve();
            long out = pool.alphaOutstanding();
            long recycled = pool.alphaRecycled();
            long t = (long) (r.nextDouble() * RAO / 2);
            AlphaPool.Injection in = pool.injectBlock(t, r.nextDouble(), r.nextBoolean());
            assertThat(pool.taoReserve() - tao).as("all of T ends in the pool").isEqualTo(t);
            assertThat(in.taoIn() + in.excessTao()).isEqualTo(t);
            long minted = in.alphaIn() + in.alphaOut();
            assertThat((pool.alphaReserve() - reserve) + (pool.alphaOutstanding() - out)
                    + (pool.alphaRecycled() - recycled)).as("alpha minted = alpha in + alpha out").isEqualTo(minted);
            if (b % 7 == 0) {
                long sell = pool.alphaOutstanding() / 1000;
                long tao1 = pool.taoReserve();
                long got = pool.unstake(sell);
                assertThat(tao1 - pool.taoReserve()).isEqualTo(got);
            }
        }
    }

    @Test
    void registrationBurnRaisesPoolTaoByTheBurnAndRemovesAlpha() {
        AlphaPool pool = new AlphaPool(1_000 * RAO, 10_000 * RAO, 500 * RAO, 0);
        long tao0 = pool.taoReserve();
        long issuance0 = pool.alphaIssuance();
        long removed = pool.burnRegistration(RAO / 2);
        assertThat(pool.taoReserve() - tao0).isEqualTo(RAO / 2);
        assertThat(removed).isPositive();
        assertThat(pool.alphaRecycled()).isEqualTo(removed);
        assertThat(issuance0 - pool.alphaIssuance()).isEqualTo(removed);
        assertThat(pool.alphaOutstanding()).isEqualTo(500 * RAO);
    }

    @Test
    void alphaEmissionHalvesOnTheSubnetsOwnIssuance() {
        AlphaPool young = new AlphaPool(RAO, RAO, 0, 0);
        assertThat(young.injectBlock(0, 1, false).alphaOut()).isEqualTo(RAO);
        AlphaPool old = new AlphaPool(1_000 * RAO, 500_000 * RAO, 10_000_000 * RAO, 0);
        assertThat(old.injectBlock(0, 1, false).alphaOut()).isEqualTo(RAO / 2);
    }

    @Test
    void movingPriceFollowsTheChainsRateAndCapsSpotAtOne() {
        AlphaPool pool = new AlphaPool(100 * RAO, 1_000 * RAO, 0, 0); // spot 0.1
        pool.setMovingPrice(0);
        double base = 0.000003;
        long h = 201_600;
        double expected = 0;
        for (int b = 1; b <= 1000; b++) {
            double a = base * b / (double) (b + h);
            expected = a * 0.1 + (1 - a) * expected;
            pool.updateMovingPrice(base, h);
        }
        assertThat(pool.movingPrice()).isCloseTo(expected, within(1e-18));
        AlphaPool rich = new AlphaPool(5_000 * RAO, 1_000 * RAO, 0, 10_000_000); // spot 5: capped at 1
        rich.setMovingPrice(0);
        rich.updateMovingPrice(base, h);
        double a = base * 10_000_001.0 / (10_000_001.0 + h);
        assertThat(rich.movingPrice()).isCloseTo(a * 1.0, within(1e-15));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> new AlphaPool(0, RAO, 0, 0)).hasMessageContaining("reserves");
        assertThatThrownBy(() -> new AlphaPool(RAO, -1, 0, 0)).hasMessageContaining("reserves");
        AlphaPool pool = new AlphaPool(RAO, RAO, 10, 0);
        assertThatThrownBy(() -> pool.unstake(11)).hasMessageContaining("outstanding");
        assertThatThrownBy(() -> pool.stake(-1)).hasMessageContaining(">= 0");
    }
}
