package io.incentivelab.simulation.yuma;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Reference implementation of the same epoch as {@link YumaConsensus}, written for clarity, not speed: one
 * fresh matrix per step as the chain's code reads, absent sparse entries as {@code NaN}, and the κ-quantile
 * by sorting each column. Used by tests (fast = naive) and by the {@code bench} ratio; not for the engine.
 * Rows that do not exist (no weights, no bonds) stay {@code null} so it can run at 4096 uids.
 */
public final class NaiveYumaEpoch {

    private NaiveYumaEpoch() {
    }

    public static YumaResult run(YumaParams p, YumaInputs in) {
        int n = in.n();
        int owner = p.ownerUid() < n ? p.ownerUid() : -1;
        boolean[] active = new boolean[n];
        for (int i = 0; i < n; i++) {
            active[i] = in.lastUpdate()[i] + p.activityCutoffBlocks() >= in.currentBlock();
        }
        double[] stake = new double[n];
        for (int i = 0; i < n; i++) {
            long s = in.stake()[i];
            stake[i] = (s < p.stakeThreshold() && i != owner) ? 0 : s;
        }
        double[] sNorm = normalize(stake);
        for (int i = 0; i < n; i++) {
            sNorm[i] = Math.floor(sNorm[i] * 4294967296.0) / 4294967296.0;
        }

        // permits: sort uids by (S, uid) ascending, keep the last k
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> sNorm[i]).thenComparingInt(i -> i));
        boolean[] permits = new boolean[n];
        for (int r = Math.max(0, n - p.maxAllowedValidators()); r < n; r++) {
            permits[order[r]] = sNorm[order[r]] > 0;
        }
        if (owner >= 0) {
            permits[owner] = true;
        }

        boolean[] old = in.permitsBefore().clone();
        if (owner >= 0) {
            old[owner] = true;
        }
        double[] act = new double[n];
        for (int i = 0; i < n; i++) {
            act[i] = active[i] && old[i] ? sNorm[i] : 0;
        }
        act = normalize(act);
        for (int i = 0; i < n; i++) {
            act[i] = Math.floor(act[i] * 4294967296.0) / 4294967296.0;
        }

        // weights: masks (absent, self, outdated, commit older than the target's registration), then row normalization
        long[] commits = p.commitReveal() ? in.earliestCommitBlock() : null;
        double[][] w = new double[n][];
        for (int i = 0; i < n; i++) {
            if (in.weights()[i] == null || !old[i]) {
                continue;
            }
            w[i] = new double[n];
            for (int j = 0; j < n; j++) {
                int v = in.weights()[i][j];
                boolean drop = v < 0 || (i == j && i != owner) || in.lastUpdate()[i] <= in.blockAtRegistration()[j]
                        || (commits != null && commits[i] != YumaInputs.NO_COMMIT
                            && commits[i] < in.blockAtRegistration()[j]);
                w[i][j] = drop ? Double.NaN : v;
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                if (!Double.isNaN(w[i][j])) {
                    sum += w[i][j];
                }
            }
            if (sum > 0) {
                for (int j = 0; j < n; j++) {
                    w[i][j] = w[i][j] / sum;
                }
            }
        }

        // consensus by sorting each column descending and accumulating stake until κ
        double kappa = p.kappaU16() / 65535.0;
        double totalAct = 0;
        for (int i = 0; i < n; i++) {
            totalAct += act[i];
        }
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            int m = 0;
            double[][] pairs = new double[n][];
            for (int i = 0; i < n; i++) {
                if (act[i] > 0) {
                    double x = w[i] == null || Double.isNaN(w[i][j]) ? 0 : w[i][j];
                    pairs[m++] = new double[] {x, act[i] / totalAct};
                }
            }
            if (m == 0) {
                continue;
            }
            double[][] col = Arrays.copyOf(pairs, m);
            Arrays.sort(col, (a, b) -> Double.compare(b[0], a[0]));
            double acc = 0;
            c[j] = col[m - 1][0];
            for (int r = 0; r < m; r++) {
                acc += col[r][1];
                boolean lastOfValue = r == m - 1 || col[r + 1][0] != col[r][0];
                if (lastOfValue && acc >= kappa) {
                    c[j] = col[r][0];
                    break;
                }
            }
        }

        // clip, trust, ranks, incentive
        double[][] wc = new double[n][];
        double[] vt = new double[n];
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            if (w[i] == null) {
                continue;
            }
            wc[i] = new double[n];
            for (int j = 0; j < n; j++) {
                double x = w[i][j];
                if (Double.isNaN(x)) {
                    wc[i][j] = Double.NaN;
                } else if (x > c[j] && c[j] == 0) {
                    wc[i][j] = Double.NaN;
                } else {
                    wc[i][j] = Math.min(x, c[j]);
                }
                if (!Double.isNaN(wc[i][j])) {
                    vt[i] += wc[i][j];
                    ranks[j] += act[i] * wc[i][j];
                }
            }
        }
        double[] incentive = normalize(ranks);

        // weights for bonds
        double beta = p.bondsPenaltyU16() / 65535.0;
        double[][] wb = new double[n][];
        for (int i = 0; i < n; i++) {
            if (w[i] == null) {
                continue;
            }
            wb[i] = new double[n];
            for (int j = 0; j < n; j++) {
                if (p.bondsPenaltyU16() == 0) {
                    wb[i][j] = w[i][j];
                } else if (p.bondsPenaltyU16() == 65535) {
                    wb[i][j] = wc[i][j];
                } else {
                    double a = Double.isNaN(w[i][j]) ? 0 : w[i][j];
                    double b = Double.isNaN(wc[i][j]) ? 0 : wc[i][j];
                    double v = a + beta * (b - a);
                    wb[i][j] = (Double.isNaN(w[i][j]) && Double.isNaN(wc[i][j])) || !(v > 0) ? Double.NaN : v;
                }
            }
        }

        long lastTempo = in.lastMechanismStepBlock() != 0 ? in.lastMechanismStepBlock() + 1
                : Math.max(0, in.currentBlock() - p.tempo());
        double alpha = 1.0 - Math.floor(p.bondsMovingAverage() / 1e6 * 4294967296.0) / 4294967296.0;
        double[][] bonds = new double[n][];
        for (int i = 0; i < n; i++) {
            if (in.bondsBefore()[i] == null) {
                continue;
            }
            bonds[i] = new double[n];
            for (int j = 0; j < n; j++) {
                boolean masked = lastTempo <= in.blockAtRegistration()[j];
                bonds[i][j] = masked ? 0 : in.bondsBefore()[i][j];
            }
        }
        double[][] bondsU16 = new double[n][];
        double[][] bondsFixed = new double[n][];
        double[] dividends;
        if (!p.yuma3()) {
            double[][] b = colNormalize(bonds, n);
            double[][] delta = new double[n][];
            for (int i = 0; i < n; i++) {
                if (wb[i] != null) {
                    delta[i] = new double[n];
                    for (int j = 0; j < n; j++) {
                        delta[i][j] = Double.isNaN(wb[i][j]) ? 0 : wb[i][j] * act[i];
                    }
                }
            }
            delta = colNormalize(delta, n);
            double[][] ema = new double[n][];
            for (int i = 0; i < n; i++) {
                if (b[i] == null && delta[i] == null) {
                    continue;
                }
                ema[i] = new double[n];
                for (int j = 0; j < n; j++) {
                    double d = delta[i] == null ? 0 : delta[i][j];
                    double o = b[i] == null ? 0 : b[i][j];
                    ema[i][j] = alpha * d + (1 - alpha) * o;
                }
            }
            ema = colNormalize(ema, n);
            dividends = new double[n];
            double[] max = new double[n];
            for (int i = 0; i < n; i++) {
                if (ema[i] == null) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    dividends[i] += ema[i][j] * incentive[j];
                    max[j] = Math.max(max[j], ema[i][j]);
                }
            }
            dividends = normalize(dividends);
            for (int i = 0; i < n; i++) {
                if (!permits[i]) {
                    continue;
                }
                bondsU16[i] = new double[n];
                bondsFixed[i] = new double[n];
                for (int j = 0; j < n; j++) {
                    double up = ema[i] == null || max[j] == 0 ? 0 : ema[i][j] / max[j];
                    bondsFixed[i][j] = up;
                    bondsU16[i][j] = Math.floor(up * 65535);
                }
            }
        } else {
            // liquid alpha's sigmoid reads the current consensus, or in Auto mode with β = 1 the previous epoch's
            double[] ca = !p.liquidAlphaReadsPreviousConsensus() ? c
                    : in.consensusBefore() != null ? in.consensusBefore() : new double[n];
            boolean anyC = false;
            for (double x : ca) {
                anyC |= x != 0;
            }
            boolean liquid = p.liquidAlpha() && anyC;
            double lo = p.alphaLowU16() / 65535.0;
            double hi = p.alphaHighU16() / 65535.0;
            double[][] ema = new double[n][];
            for (int i = 0; i < n; i++) {
                if (wb[i] == null && (liquid || bonds[i] == null)) {
                    continue;
                }
                ema[i] = new double[n];
                for (int j = 0; j < n; j++) {
                    double old0 = bonds[i] == null ? 0 : bonds[i][j] / 65535.0;
                    double x = wb[i] == null ? Double.NaN : wb[i][j];
                    if (liquid) {
                        if (Double.isNaN(x)) {
                            ema[i][j] = 0;
                            continue;
                        }
                        double diff = x >= old0 ? x - ca[j] : old0 - x;
                        diff = Math.max(0, Math.min(1, diff));
                        double z = Math.max(-20, Math.min(20, p.alphaSigmoidSteepness() / -100.0 * (diff - 0.5)));
                        double sig = 1 / (1 + StrictMath.exp(z));
                        double a = Math.max(lo, Math.min(hi, lo + sig * (hi - lo)));
                        ema[i][j] = Math.min(1, (1 - a) * old0 + Math.max(0, a * x));
                    } else {
                        ema[i][j] = alpha * (Double.isNaN(x) ? 0 : x) + (1 - alpha) * old0;
                    }
                }
            }
            double[][] en = colNormalize(ema, n);
            dividends = new double[n];
            for (int i = 0; i < n; i++) {
                if (en[i] == null) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    dividends[i] += en[i][j] * incentive[j];
                }
                dividends[i] *= act[i];
            }
            dividends = normalize(dividends);
            for (int i = 0; i < n; i++) {
                if (!permits[i]) {
                    continue;
                }
                bondsU16[i] = new double[n];
                bondsFixed[i] = new double[n];
                for (int j = 0; j < n; j++) {
                    double v = ema[i] == null ? 0 : ema[i][j];
                    bondsFixed[i][j] = v;
                    bondsU16[i][j] = Math.floor(v * 65535);
                }
            }
        }

        double total = 0;
        for (int i = 0; i < n; i++) {
            total += incentive[i] + dividends[i];
        }
        long rao = in.raoEmission();
        long[] server = new long[n];
        long[] validator = new long[n];
        long[] combined = new long[n];
        boolean anyAct = false;
        for (double a : act) {
            anyAct |= a > 0;
        }
        for (int i = 0; i < n; i++) {
            if (total > 0) {
                server[i] = (long) Math.floor(incentive[i] / total * rao);
                validator[i] = (long) Math.floor(dividends[i] / total * rao);
                combined[i] = (long) Math.floor((incentive[i] + dividends[i]) / total * rao);
            } else {
                validator[i] = (long) Math.floor((anyAct ? act[i] : sNorm[i]) * rao);
                combined[i] = validator[i];
            }
        }
        return new YumaResult(active, permits, sNorm, act, c, vt, ranks, incentive, dividends, server, validator, combined,
                bondsU16, bondsFixed);
    }

    private static double[] normalize(double[] x) {
        double sum = Arrays.stream(x).sum();
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = sum > 0 ? x[i] / sum : 0;
        }
        return out;
    }

    private static double[][] colNormalize(double[][] m, int n) {
        double[] sums = new double[n];
        for (double[] row : m) {
            if (row != null) {
                for (int j = 0; j < n; j++) {
                    sums[j] += row[j];
                }
            }
        }
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            if (m[i] != null) {
                out[i] = new double[n];
                for (int j = 0; j < n; j++) {
                    out[i][j] = sums[j] > 0 ? m[i][j] / sums[j] : 0;
                }
            }
        }
        return out;
    }
}
