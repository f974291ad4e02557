package io.incentivelab.simulation;

/**
 * Where the issued TAO went over a run, in rao: issued = owner + miners + validators + burned + pending + unpaid,
 * where pending accrued to subnets whose next epoch falls after the horizon (a subnet tempo other than the
 * network's) and unpaid is the flooring of rao amounts (at most a few rao per UID per epoch). Under a market rule
 * (PRICE_EMA, FLOW) the issued TAO goes into the subnets' pools and the paid amounts are the alpha paid,
 * valued at the pool price when paid, so they need not add up to the TAO issued.
 *
 * @param issuedRao         block emission over the horizon
 * @param ownerRao          paid to subnet owners
 * @param minerRao          paid to miners by incentive
 * @param validatorRao      paid to validators by dividends
 * @param burnedRao         miner incentive burned on the subnet owners' hotkeys (market rules)
 * @param pendingRao        accrued to subnets since their last epoch, not yet paid at the horizon
 * @param maxEpochUnpaidRao largest unpaid remainder of a single epoch, network-wide
 * @param maxUidsPerEpoch   the number of UIDs network-wide (bound for the flooring: one rao each, plus one per subnet)
 */
public record Accounting(long issuedRao, long ownerRao, long minerRao, long validatorRao, long burnedRao, long pendingRao,
                         long maxEpochUnpaidRao,
                         long maxUidsPerEpoch) {

    public long paidRao() {
        return ownerRao + minerRao + validatorRao;
    }
}
