package io.incentivelab.simulation;

/**
 * TAO block emission by issuance, as the chain computes it [subtensor coinbase/block_emission.rs,
 * economics.md §1]: E(I) = E0 · 2^(−floor(log2(1 / (1 − I/cap)))), E0 = 1 TAO = 10^9 rao, cap = 21M TAO,
 * so halvings happen at 10.5M, 15.75M, 18.375M, … issued; 0 once I ≥ cap. Here in rao, floored.
 */
public final class BlockEmission {

    public static final long RAO_PER_TAO = 1_000_000_000L;
    public static final long CAP_RAO = 21_000_000L * RAO_PER_TAO;
    public static final long E0_RAO = RAO_PER_TAO;

    private BlockEmission() {
    }

    /** Emission of one block at issuance {@code issuanceRao}, in rao. */
    public static long perBlockRao(long issuanceRao) {
        if (issuanceRao >= CAP_RAO) {
            return 0;
        }
        int halvings = halvings(issuanceRao);
        return halvings >= 63 ? 0 : E0_RAO >> halvings;
    }

    /**
     * Halvings so far: the largest h with I ≥ cap·(1 − 2^−h), i.e. floor(log2(cap / (cap − I))), computed
     * on integers so the thresholds are exact.
     */
    static int halvings(long issuanceRao) {
        long remaining = CAP_RAO - issuanceRao;
        int h = 0;
        // cap − I ≤ cap / 2^h  ⇔  I ≥ threshold h
        while (h < 63 && remaining <= (CAP_RAO >> (h + 1))) {
            h++;
        }
        return h;
    }

    /**
     * Total emission of {@code blocks} consecutive blocks starting at issuance {@code issuanceRao}, following
     * the per-block rule (the rate changes in the middle of an epoch if a halving threshold is crossed).
     */
    public static long overBlocksRao(long issuanceRao, int blocks) {
        long total = 0;
        long issuance = issuanceRao;
        int left = blocks;
        while (left > 0) {
            long e = perBlockRao(issuance);
            if (e == 0) {
                break;
            }
            int h = halvings(issuance);
            long nextThreshold = CAP_RAO - (CAP_RAO >> (h + 1));
            long blocksToThreshold = (nextThreshold - issuance + e - 1) / e;
            long run = Math.min(left, Math.max(1, blocksToThreshold));
            total += run * e;
            issuance += run * e;
            left -= (int) run;
        }
        return total;
    }
}
