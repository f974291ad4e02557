package io.incentivelab.simulation.metagraph;

import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaParams;
import io.incentivelab.simulation.yuma.YumaResult;
import io.incentivelab.simulation.yuma.YumaWorkspace;
import java.util.Arrays;

/**
 * Runs one Yuma Consensus epoch on a snapshot's own weights, stakes, permits and hyperparameters and compares
 * the incentive and dividends with the snapshot's.
 *
 * <p>The chain's inputs are recovered from the SDK's view: stakes in alpha become rao ({@code round(s·1e9)});
 * each weight row (normalised to sum 1 by the SDK) is max-upscaled back to the chain's stored u16 form
 * ({@code round(w/max·65535)}, as {@code set_weights} stores it); the permits are the snapshot's
 * {@code validator_permit}; there are no bonds before the epoch (the first epoch's bonds). The chain stores
 * incentive and dividends as u16 and the SDK reads them as {@code u16/65535}, so a faithful run can differ by
 * one u16 step plus the double-port error of {@link YumaConsensus} (1e-6, yuma.md §11): {@link #TOLERANCE}.
 * A real subnet's dividends also carry its bond history, which the snapshot does not hold; incentive does not
 * depend on bonds.
 */
public final class MetagraphYuma {

    /** One u16 step (the chain's stored incentive and dividends) plus the 1e-6 of the double port. */
    public static final double TOLERANCE = 1.0 / 65535 + 1e-6;

    private MetagraphYuma() {
    }

    /**
     * The per-UID outcome of the epoch and its deviation from the snapshot.
     *
     * @param incentive          computed incentive per UID
     * @param dividends          computed dividends per UID
     * @param maxIncentiveDev    max |computed − snapshot| over UIDs, incentive
     * @param maxIncentiveUid    the UID where it occurs
     * @param maxDividendsDev    max |computed − snapshot| over UIDs, dividends
     * @param maxDividendsUid    the UID where it occurs
     */
    public record Comparison(double[] incentive, double[] dividends, double maxIncentiveDev, int maxIncentiveUid,
                             double maxDividendsDev, int maxDividendsUid) {

        /** True when both deviations are within {@link #TOLERANCE}. */
        public boolean withinTolerance() {
            return maxIncentiveDev <= TOLERANCE && maxDividendsDev <= TOLERANCE;
        }
    }

    /** The chain's Yuma parameters for the snapshot's hyperparameters. */
    public static YumaParams params(MetagraphSnapshot s) {
        MetagraphSnapshot.Hparams h = s.hparams();
        return new YumaParams(h.kappaU16(), Math.round(h.bondsMovingAvg() * 1_000_000), h.bondsPenaltyU16(),
                h.yuma3(), h.liquidAlphaEnabled(), toU16(h.alphaLow()), toU16(h.alphaHigh()),
                h.alphaSigmoidSteepness(), h.maxValidators(), h.activityCutoff(), 0, s.ownerUid(), s.tempo());
    }

    /** The chain state the epoch reads, recovered from the snapshot (see the class comment). */
    public static YumaInputs inputs(MetagraphSnapshot s) {
        int n = s.n();
        long[] stake = new long[n];
        long raoEmission = 0;
        for (int i = 0; i < n; i++) {
            stake[i] = Math.round(s.stake()[i] * 1e9);
            raoEmission += Math.round(s.emission()[i] * 1e9);
        }
        return new YumaInputs(s.block(), 0, raoEmission, stake, u16Rows(n, s), s.lastUpdate().clone(),
                s.blockAtRegistration().clone(), s.validatorPermit().clone(), new double[n][]);
    }

    /**
     * Stored u16 weight rows from the triplets: per row the maximum becomes 65535, the others
     * {@code round(w/max·65535)}; a row without entries (or all zero) is absent.
     */
    public static int[][] u16Rows(int n, MetagraphSnapshot s) {
        double[] rowMax = new double[n];
        for (MetagraphSnapshot.Weight w : s.weights()) {
            rowMax[w.from()] = Math.max(rowMax[w.from()], w.value());
        }
        int[][] rows = new int[n][];
        for (MetagraphSnapshot.Weight w : s.weights()) {
            int i = w.from();
            if (!(rowMax[i] > 0)) {
                continue;
            }
            if (rows[i] == null) {
                rows[i] = new int[n];
                Arrays.fill(rows[i], YumaInputs.ABSENT);
            }
            rows[i][w.to()] = (int) Math.round(w.value() / rowMax[i] * 65535);
        }
        return rows;
    }

    /** Runs the epoch and compares it with the snapshot's incentive and dividends. */
    public static Comparison compare(MetagraphSnapshot s) {
        YumaResult r = new YumaConsensus(params(s)).epoch(inputs(s), new YumaWorkspace());
        double[] inc = r.incentive();
        double[] div = r.dividends();
        double maxI = 0;
        double maxD = 0;
        int uidI = 0;
        int uidD = 0;
        for (int i = 0; i < s.n(); i++) {
            double di = Math.abs(inc[i] - s.incentive()[i]);
            double dd = Math.abs(div[i] - s.dividends()[i]);
            if (di > maxI) {
                maxI = di;
                uidI = i;
            }
            if (dd > maxD) {
                maxD = dd;
                uidD = i;
            }
        }
        return new Comparison(inc, div, maxI, uidI, maxD, uidD);
    }

    private static int toU16(double fraction) {
        return (int) Math.round(fraction * 65535);
    }
}
