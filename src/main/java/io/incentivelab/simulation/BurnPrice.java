package io.incentivelab.simulation;

import io.incentivelab.simulation.emission.BlockEmission;
import io.incentivelab.simulation.model.BurnRule;
import io.incentivelab.simulation.model.RegistrationSpec;

/**
 * A subnet's neuron registration burn (economics.md §4), evaluated at a block.
 *
 * <p>DECAY_2026 [subtensor registration.rs]: p(b) = p(b₀) · 2^(−(b − b₀)/H), then × m on each registration,
 * clamped to [min, max]. TARGET_REGISTRATIONS [block_step.rs upgraded_burn]: at the end of every adjustment
 * interval of A blocks, p ← p · (r + T) / (2T) with r the registrations in that interval, clamped; the
 * burn of a registration is the price of the interval it falls in.
 */
final class BurnPrice {

    private final RegistrationSpec spec;
    private double price;
    private long since;
    private int regsInInterval;

    BurnPrice(RegistrationSpec spec) {
        this.spec = spec;
        this.price = clamp(spec.initialBurnTao());
    }

    /** The burn a registration at {@code block} pays, TAO. */
    double priceTao(long block) {
        advance(block);
        return price;
    }

    /** Registers at {@code block}: returns the burn paid in rao and moves the price. */
    long register(long block) {
        advance(block);
        long rao = Math.round(price * BlockEmission.RAO_PER_TAO);
        if (spec.rule() == BurnRule.DECAY_2026) {
            price = clamp(price * spec.increaseMult());
        } else {
            regsInInterval++;
        }
        return rao;
    }

    private void advance(long block) {
        if (block <= since) {
            return;
        }
        if (spec.rule() == BurnRule.DECAY_2026) {
            price = clamp(price * StrictMath.pow(2, -(double) (block - since) / spec.halfLifeBlocks()));
            since = block;
            return;
        }
        long a = spec.adjustmentIntervalBlocks();
        long intervals = block / a - since / a;
        if (intervals > 0) {
            double t = spec.targetRegistrations();
            price = clamp(price * (regsInInterval + t) / (2 * t));
            regsInInterval = 0;
            for (long k = 1; k < Math.min(intervals, 64); k++) {
                price = clamp(price * 0.5);
            }
        }
        since = block;
    }

    private double clamp(double p) {
        return Math.max(spec.minBurnTao(), Math.min(spec.maxBurnTao(), p));
    }
}
