package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.incentivelab.simulation.model.BurnRule;
import io.incentivelab.simulation.model.RegistrationSpec;
import org.junit.jupiter.api.Test;

/** economics.md §4: the 2026 decay rule and the older target-registrations rule. */
class BurnPriceTest {

    @Test
    void the2026RuleHalvesEveryHalfLifeRisesBy126PerRegistrationAndIsClamped() {
        BurnPrice p = new BurnPrice(new RegistrationSpec(BurnRule.DECAY_2026, 360, 1.26, 0.0005, 100, 1, 2, 360));
        assertThat(p.priceTao(0)).isEqualTo(1.0);
        assertThat(p.priceTao(360)).isCloseTo(0.5, within(1e-12));
        assertThat(p.priceTao(720)).isCloseTo(0.25, within(1e-12));
        assertThat(p.register(720)).isEqualTo(250_000_000L);
        assertThat(p.priceTao(720)).isCloseTo(0.25 * 1.26, within(1e-12));
        assertThat(p.priceTao(720 + 360 * 40)).isEqualTo(0.0005);
        for (int i = 0; i < 100; i++) {
            p.register(20_000);
        }
        assertThat(p.priceTao(20_000)).isEqualTo(100.0);
    }

    @Test
    void theTargetRuleMovesByRegistrationsOverTargetEachInterval() {
        BurnPrice p = new BurnPrice(new RegistrationSpec(BurnRule.TARGET_REGISTRATIONS, 360, 1.26, 0.0005, 100, 1, 2, 100));
        for (int i = 0; i < 6; i++) {
            p.register(10);
        }
        // (6 + 2) / (2 · 2) = 2 at the end of the interval
        assertThat(p.priceTao(100)).isCloseTo(2.0, within(1e-12));
        p.register(150);
        p.register(160);
        // exactly the target: unchanged
        assertThat(p.priceTao(200)).isCloseTo(2.0, within(1e-12));
        // no registrations for two intervals: halved twice
        assertThat(p.priceTao(400)).isCloseTo(0.5, within(1e-12));
    }
}
