package io.incentivelab.simulation.emission;

/**
 * Total TAO issuance (economics.md §1): minting raises it (clamped at the 21M cap), recycling lowers it so
 * the recycled TAO can be emitted again (delaying halvings), burning does not change it. Mutable, one per run.
 */
public final class IssuanceTracker {

    private long issuanceRao;
    private long burnedRao;

    /** @param startIssuanceRao issuance at the start of the run, in rao (today's network is past 10.5M TAO) */
    public IssuanceTracker(long startIssuanceRao) {
        if (startIssuanceRao < 0 || startIssuanceRao > BlockEmission.CAP_RAO) {
            throw new IllegalArgumentException("start issuance must be in [0, 21e15] rao: " + startIssuanceRao);
        }
        this.issuanceRao = startIssuanceRao;
    }

    public long issuanceRao() {
        return issuanceRao;
    }

    /** Rao destroyed by {@link #burn}, which does not lower issuance. */
    public long burnedRao() {
        return burnedRao;
    }

    /** The emission of the next block at the current issuance, in rao. */
    public long blockEmissionRao() {
        return BlockEmission.forIssuance(issuanceRao);
    }

    /** Mints one block's emission and returns it (rao). */
    public long mintBlock() {
        return mint(blockEmissionRao());
    }

    /**
     * @param rao amount to mint, ≥ 0
     * @return the amount actually minted (less when the cap is reached)
     */
    public long mint(long rao) {
        requireNonNegative(rao);
        long minted = Math.min(rao, BlockEmission.CAP_RAO - issuanceRao);
        issuanceRao += minted;
        return minted;
    }

    /** Recycles {@code rao} (e.g. registration fees): issuance goes down by that amount (not below 0). */
    public void recycle(long rao) {
        requireNonNegative(rao);
        issuanceRao = Math.max(0, issuanceRao - rao);
    }

    /** Burns {@code rao}: destroyed, but issuance is unchanged. */
    public void burn(long rao) {
        requireNonNegative(rao);
        burnedRao += rao;
    }

    private static void requireNonNegative(long rao) {
        if (rao < 0) {
            throw new IllegalArgumentException("amount must be >= 0: " + rao);
        }
    }
}
