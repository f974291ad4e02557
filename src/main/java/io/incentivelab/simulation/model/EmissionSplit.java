package io.incentivelab.simulation.model;

/**
 * How block emission is divided across subnets (model.md §2, docs/alpha-market.md). FIXED and EQUAL pay
 * TAO directly as before; the market rules run an alpha pool per subnet ({@code network.market},
 * {@code subnets[].market}) and pay alpha, valued at the pool price in every output that says TAO.
 */
public enum EmissionSplit {
    /** Shares proportional to each subnet's {@code emissionShare}. */
    FIXED,
    /** Every subnet gets the same share. */
    EQUAL,
    /** Share ∝ moving (EMA) alpha price × (1 − miner burned), then the emission gate (Feb–Nov 2025; from Jun 2026). */
    PRICE_EMA,
    /** Share ∝ EMA of net TAO staking flow, clipped at the cutoff, to the power p (Taoflow, Nov 2025 – Jun 2026). */
    FLOW
}
