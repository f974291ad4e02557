package io.incentivelab.notebook;

import java.util.List;
import java.util.Locale;

/** Comparison numbers as text: "0.912 ± 0.013", "p < 0.0001", and a Markdown answer built from a comparison. */
public final class CompareSummaries {

    private CompareSummaries() {
    }

    /** A number with 4 decimals (1 from 100 up; 3 significant digits when tiny or huge); "—" when undefined. */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.4f", v);
    }

    /** "mean ± half-width of the 95% CI". */
    public static String meanCi(double mean, double low, double high) {
        if (!Double.isFinite(mean)) {
            return "—";
        }
        double half = (high - low) / 2;
        return Double.isFinite(half) ? num(mean) + " ± " + num(half) : num(mean);
    }

    /** A p-value: 4 decimals, or "< 0.0001". */
    public static String p(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        return v < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Relative spread below which a sample counts as constant: rounding noise of sums, not variation between runs. */
    static final double NO_SPREAD = 1e-9;

    /**
     * Both samples are constant (every run gave the same value, up to rounding): a test or an effect size has
     * nothing to measure — a zero or rounding-noise variance makes p tiny and g huge for any difference.
     */
    public static boolean noSpread(CompareOutput.Row r) {
        return constant(r.nA(), r.meanA(), r.lowA(), r.highA()) && constant(r.nB(), r.meanB(), r.lowB(), r.highB());
    }

    /** Both samples are constant and equal: A and B gave the same value in every run. */
    public static boolean identical(CompareOutput.Row r) {
        return noSpread(r) && Math.abs(r.meanA() - r.meanB()) <= NO_SPREAD * Math.max(1, Math.max(Math.abs(r.meanA()), Math.abs(r.meanB())));
    }

    private static boolean constant(int n, double mean, double low, double high) {
        return n >= 2 && Double.isFinite(mean) && Double.isFinite(low) && Double.isFinite(high)
                && (high - low) / 2 <= NO_SPREAD * Math.max(1, Math.abs(mean));
    }

    /** What a row's tests show: "identical", "no spread" (constant, different), or null when they apply. */
    private static String untestable(CompareOutput.Row r) {
        return identical(r) ? "identical" : noSpread(r) ? "no spread" : null;
    }

    /** The row's Welch p as text, or why there is none. */
    public static String welch(CompareOutput.Row r) {
        String u = untestable(r);
        return u != null ? u : p(r.welchP());
    }

    /** The row's Mann–Whitney p as text, or why there is none. */
    public static String mannWhitney(CompareOutput.Row r) {
        String u = untestable(r);
        return u != null ? u : p(r.mannWhitneyP());
    }

    /** The row's Hedges g as text, or why there is none. */
    public static String hedges(CompareOutput.Row r) {
        String u = untestable(r);
        return u != null ? u : num(r.hedgesG());
    }

    /** One metric compared, as a sentence. */
    public static String sentence(CompareOutput.Row r) {
        String ab = meanCi(r.meanA(), r.lowA(), r.highA()) + " vs " + meanCi(r.meanB(), r.lowB(), r.highB());
        if (identical(r)) {
            return "`" + r.metric() + "` — identical: " + num(r.meanA()) + " in every run under A and B (n = " + r.nA() + " / "
                    + r.nB() + ")";
        }
        if (noSpread(r)) {
            return "`" + r.metric() + "` — " + (r.difference() > 0 ? "higher" : "lower") + " under A in every run: " + num(r.meanA())
                    + " vs " + num(r.meanB()) + " (difference " + num(r.difference()) + "; no spread between runs, so no test;"
                    + " n = " + r.nA() + " / " + r.nB() + ")";
        }
        String verdict = !(r.welchP() < 0.05) ? "no significant difference at the 5% level"
                : r.difference() > 0 ? "higher under A" : "lower under A";
        return "`" + r.metric() + "` — " + verdict + ": " + ab
                + " (difference " + num(r.difference()) + ", Welch p " + pv(r.welchP()) + ", Mann–Whitney p "
                + pv(r.mannWhitneyP()) + ", Hedges g " + num(r.hedgesG()) + "; n = " + r.nA() + " / " + r.nB() + ")";
    }

    private static String pv(double v) {
        String s = p(v);
        return s.startsWith("<") ? s : "= " + s;
    }

    /** A Markdown paragraph answering a question with the given rows of a comparison. */
    public static String answer(String question, CompareOutput o, List<CompareOutput.Row> rows) {
        StringBuilder sb = new StringBuilder("### ").append(question).append("\n\n")
                .append("Computed from the runs above (mean ± 95% CI of the mean over the replicates), **A** = ")
                .append(o.labelA()).append(" vs **B** = ").append(o.labelB()).append(":\n\n");
        for (CompareOutput.Row r : rows) {
            sb.append("- ").append(sentence(r)).append('\n');
        }
        sb.append("\nThese numbers are written by the example generator from the comparison cell, not by hand; ")
                .append("\"Run all\" on your copy recomputes them.\n");
        return sb.toString();
    }
}
