package io.incentivelab.simulation;

/**
 * Where the issued TAO went over a run, in rao: issued = owner + miners + validators + burned + unpaid, where
 * unpaid is the flooring of rao amounts (at most a few rao per UID per epoch). Under a market rule
 * (PRICE_EMA, FLOW) the issued TAO goes into the subnets' pools and the paid amounts are the alpha paid,
 * valued at the pool price when paid, so they need not add up to the TAO issued.
 *
 * @param issuedRao         block emission over the horizon
 * @param ownerRao          paid to subnet owners
 * @param minerRao          paid to miners by incentive
 * @param validatorRao      paid to validators by dividends
 * @param burnedRao         miner incentive burned on the subnet owners' hotkeys (market rules)
 * @param maxEpochUnpaidRao largest unpaid remainder of a single epoch, network-wide
 * @param maxUidsPerEpoch   the number of UIDs network-wide (bound for the flooring: one rao each, plus one per subnet)
 */
public record Accounting(long issuedRao, long ownerRao, long minerRao, long validatorRao, long burnedRao,
                         long maxEpochUnpaidRao,
                         long maxUidsPerEpoch) {

    public long paidRao() {
        return ownerRao + minerRao + validatorRao;
    }
}
