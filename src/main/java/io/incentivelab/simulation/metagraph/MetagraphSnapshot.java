package io.incentivelab.simulation.metagraph;

import java.util.List;

/**
 * One subnet's metagraph as the Bittensor SDK holds it (shared reference metagraph-snapshot.md §1.4), already
 * validated by the reader: {@code n = uids.length} UIDs numbered 0..n−1, every per-UID array of length n,
 * finite values in range, weight triplets with UIDs in [0, n) and no (i, j) twice.
 *
 * @param netuid              subnet id (−1 if the file gives none)
 * @param block               block at which the snapshot was taken
 * @param tempo               blocks per epoch
 * @param hparams             the hyperparameters the epoch uses
 * @param hotkeys             per UID, the hotkey (ss58)
 * @param coldkeys            per UID, the owning coldkey (ss58): the operator
 * @param stake               per UID, total stake in alpha (SDK {@code S})
 * @param incentive           per UID, the chain's incentive, u16-normalised to [0, 1] (SDK {@code I})
 * @param dividends           per UID, the chain's dividends, u16-normalised to [0, 1] (SDK {@code D})
 * @param emission            per UID, alpha per tempo (SDK {@code E}); zeros if the file gives none
 * @param validatorPermit     per UID, the validator permit the chain's last epoch produced
 * @param lastUpdate          per UID, block of the last weight setting ({@code block} for every UID if absent)
 * @param blockAtRegistration per UID, registration block (0 for every UID if absent)
 * @param weights             the non-zero entries of W (each row normalised to sum 1 by the SDK)
 * @param ownerHotkey         the subnet owner's hotkey, or {@code null}
 */
public record MetagraphSnapshot(int netuid, long block, long tempo, Hparams hparams, String[] hotkeys,
                                String[] coldkeys, double[] stake, double[] incentive, double[] dividends,
                                double[] emission, boolean[] validatorPermit, long[] lastUpdate,
                                long[] blockAtRegistration, List<Weight> weights, String ownerHotkey) {

    /** The format tag this version reads. */
    public static final String FORMAT = "metagraph-snapshot/1";

    /** Number of UIDs. */
    public int n() {
        return stake.length;
    }

    /** The owner's UID: the first UID whose hotkey is {@link #ownerHotkey()}, or −1. */
    public int ownerUid() {
        if (ownerHotkey == null) {
            return -1;
        }
        for (int i = 0; i < hotkeys.length; i++) {
            if (ownerHotkey.equals(hotkeys[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One entry {@code W[from][to] = value} of the weight matrix.
     *
     * @param from  validator UID
     * @param to    UID weighted
     * @param value weight (≥ 0, finite)
     */
    public record Weight(int from, int to, double value) {
    }

    /**
     * The hyperparameters an epoch needs, in the SDK's units ({@code mg.hparams}).
     *
     * @param kappaU16              κ as the chain's raw u16 (32767 ≈ 0.5)
     * @param bondsMovingAvg        bond EMA memory as a fraction in [0, 1] (0.9 → α = 0.1)
     * @param bondsPenaltyU16       β as u16 (65535 = bonds from clipped weights)
     * @param yuma3                 Yuma 3 bonds and dividends (the chain's {@code Yuma3On})
     * @param liquidAlphaEnabled    liquid alpha on
     * @param alphaLow              liquid-alpha lower bound, fraction
     * @param alphaHigh             liquid-alpha upper bound, fraction
     * @param alphaSigmoidSteepness raw steepness (1000 → 10)
     * @param maxValidators         number of validator permits
     * @param activityCutoff        blocks after its last update a validator stays active
     * @param immunityPeriod        blocks a new registration is immune
     */
    public record Hparams(int kappaU16, double bondsMovingAvg, int bondsPenaltyU16, boolean yuma3,
                          boolean liquidAlphaEnabled, double alphaLow, double alphaHigh, int alphaSigmoidSteepness,
                          int maxValidators, long activityCutoff, long immunityPeriod) {
    }
}
