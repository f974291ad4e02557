package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.simulation.emission.SubnetEmissionSplit;
import io.incentivelab.simulation.model.Strategy;
import io.incentivelab.simulation.yuma.YumaResult;
import org.junit.jupiter.api.Test;

/**
 * The payment of an epoch (model.md §2, yuma.md §7): owner cut first, miners by incentive, validators by dividends,
 * every amount floored to rao, and what is paid never exceeds what was issued (model.md §11).
 */
class SubnetPaymentTest {

    private static final long E = 1_000_000_007L;

    /** Two validators; miner slots 0 and 1 held by one operator, slot 2 by a cheater, slot 3 empty. */
    private final Operator honest = new Operator(0, Strategy.SPECIALIST, 1, 1, 0.5, 0);
    private final Operator cheater = new Operator(1, Strategy.CHEATER, 1, 1, 0.5, 0);
    private final Operator[] owner = {honest, honest, cheater, null};

    private SubnetPayment payment() {
        cheater.cheater = true;
        return new SubnetPayment("a", SubnetEmissionSplit.chainDefault(), 2, owner);
    }

    /** A Yuma result with only what the payment reads: stake, active stake, incentive (per UID), dividends. */
    private static YumaResult result(double[] incentive, double[] dividends, double[] activeStake) {
        return new YumaResult(null, null, new double[]{0.5, 0.5}, activeStake, null, null, null, incentive, dividends,
                null, null, null, null, null);
    }

    @Test
    void theOwnerTakesItsCutAndMinersAndValidatorsSplitTheRestByIncentiveAndDividends() {
        SubnetPayment pay = payment();
        SubnetEmissionSplit.Parts parts = pay.split(E);
        long ownerRao = (long) Math.floor(E * (11796 / 65535.0));
        long minerPool = (long) Math.floor((E - ownerRao) * 0.5);
        long validatorPool = E - ownerRao - minerPool;
        assertThat(parts.owner()).isEqualTo(ownerRao);
        assertThat(parts.miners()).isEqualTo(minerPool);
        assertThat(parts.validators() + parts.root()).isEqualTo(validatorPool);

        long unpaid = pay.pay(0, E, parts, result(new double[]{0, 0, 0.5, 0.3, 0.2, 0},
                new double[]{0.75, 0.25}, new double[]{0.5, 0.5}));

        long[] slot = pay.lastEpochRao();
        double sumI = 0.5 + 0.3 + 0.2;
        assertThat(slot[0]).isEqualTo((long) Math.floor(0.5 / sumI * minerPool));
        assertThat(slot[1]).isEqualTo((long) Math.floor(0.3 / sumI * minerPool));
        assertThat(slot[2]).isEqualTo((long) Math.floor(0.2 / sumI * minerPool));
        assertThat(slot[3]).isZero();
        assertThat(honest.sampleRao).isEqualTo(slot[0] + slot[1]).isEqualTo(honest.earnedRao);
        assertThat(pay.step().cheat()).isEqualTo(slot[2]);
        long[] val = pay.validatorIntervalRao();
        assertThat(val[0]).isEqualTo((long) Math.floor(0.75 * validatorPool));
        assertThat(val[1]).isEqualTo((long) Math.floor(0.25 * validatorPool));
        long paid = ownerRao + slot[0] + slot[1] + slot[2] + val[0] + val[1];
        assertThat(unpaid).isEqualTo(E - paid).isBetween(0L, 5L);
        assertThat(pay.total().owner() + pay.total().miners() + pay.total().validators()).isEqualTo(paid);
        assertThat(pay.interval().issued()).isEqualTo(E);
        assertThat(pay.takeDecisionMinerRao()).isEqualTo(slot[0] + slot[1] + slot[2]);
        assertThat(pay.takeDecisionMinerRao()).isZero();
    }

    @Test
    void withoutIncentiveTheMinerPoolGoesToTheValidatorsAndWithoutDividendsActiveStakeDecides() {
        SubnetPayment pay = payment();
        SubnetEmissionSplit.Parts parts = pay.split(E);
        long rest = E - parts.owner();
        long unpaid = pay.pay(0, E, parts, result(new double[6], new double[]{0, 0}, new double[]{0.8, 0.2}));
        assertThat(pay.lastEpochRao()).containsOnly(0L);
        long[] val = pay.validatorIntervalRao();
        assertThat(val[0]).isEqualTo((long) Math.floor(0.8 / 1.0 * rest));
        assertThat(val[1]).isEqualTo((long) Math.floor(0.2 / 1.0 * rest));
        assertThat(unpaid).isEqualTo(E - parts.owner() - val[0] - val[1]);
    }

    @Test
    void theOwnerBurnComesOffTheMinerPoolAndTheRootShareOffTheValidatorHalf() {
        SubnetPayment pay = payment();
        pay.setOwnerBurnFraction(0.25);
        pay.setRootProportion(0.4);
        SubnetEmissionSplit.Parts parts = pay.split(E);
        long half = E - parts.owner() - parts.miners();
        assertThat(parts.root()).isEqualTo((long) Math.floor(half * 0.4));
        pay.beginStep();
        pay.pay(0, E, parts, result(new double[]{0, 0, 1, 0, 0, 0}, new double[]{1, 0}, new double[]{0.5, 0.5}));
        long burned = (long) Math.floor(parts.miners() * 0.25);
        assertThat(pay.step().burned()).isEqualTo(burned).isEqualTo(pay.interval().burned());
        assertThat(pay.lastEpochRao()[0]).isEqualTo(parts.miners() - burned);
        assertThat(pay.step().validators()).isEqualTo(half);
        assertThat(pay.step().root()).isEqualTo(parts.root());
        pay.beginStep();
        assertThat(pay.step().miners()).isZero();
        pay.resetInterval();
        assertThat(pay.interval().issued()).isZero();
        assertThat(pay.validatorIntervalRao()).containsOnly(0L);
        assertThat(pay.total().burned()).isEqualTo(burned);
    }
}
