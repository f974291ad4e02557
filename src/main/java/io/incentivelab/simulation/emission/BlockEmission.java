package io.incentivelab.simulation.emission;

/**
 * Block emission by issuance (economics.md §1; subtensor {@code get_block_emission_for_issuance}):
 * {@code E(I) = E0 · 2^(−floor(log2(1 / (1 − I/cap))))}, E0 = 1 TAO = 1e9 rao, cap = 21M TAO, and 0 once
 * {@code I ≥ cap}. Halvings therefore fall at 10.5M, 15.75M, 18.375M, … TAO issued. Computed exactly in
 * integers: the exponent is the largest k with {@code (cap − I)·2^k ≤ cap}; the result is floored to rao.
 */
public final class BlockEmission {

    /** 1 TAO in rao. */
    public static final long RAO_PER_TAO = 1_000_000_000L;
    /** The supply cap, 21M TAO in rao. */
    public static final long CAP_RAO = 21_000_000L * RAO_PER_TAO;
    /** Emission per block before any halving, in rao. */
    public static final long BASE_RAO = RAO_PER_TAO;

    private BlockEmission() {
    }

    /**
     * @param issuanceRao total issuance so far, in rao
     * @return the emission of the next block, in rao
     */
    public static long forIssuance(long issuanceRao) {
        if (issuanceRao >= CAP_RAO) {
            return 0;
        }
        int halvings = halvings(issuanceRao);
        return halvings >= 63 ? 0 : BASE_RAO >> halvings;
    }

    /**
     * @param issuanceRao total issuance, in rao, below the cap
     * @return {@code floor(log2(cap / (cap − I)))}, the number of halvings so far
     */
    public static int halvings(long issuanceRao) {
        long remaining = CAP_RAO - Math.max(0, issuanceRao);
        int k = 0;
        while (k < 62 && (remaining << (k + 1)) <= CAP_RAO && (remaining << (k + 1)) > 0) {
            k++;
        }
        return k;
    }

    /**
     * @param halving 1 for the first halving, 2 for the second, …
     * @return the issuance at which it happens: {@code cap·(1 − 2^−halving)}, in rao
     */
    public static long halvingThresholdRao(int halving) {
        return CAP_RAO - (CAP_RAO >> halving);
    }
}
