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

    /** One metric compared, as a sentence. */
    public static String sentence(CompareOutput.Row r) {
        String verdict = !(r.welchP() < 0.05) ? "no significant difference at the 5% level"
                : r.difference() > 0 ? "higher under A" : "lower under A";
        return "`" + r.metric() + "` — " + verdict + ": " + meanCi(r.meanA(), r.lowA(), r.highA()) + " vs " + meanCi(r.meanB(), r.lowB(), r.highB())
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
