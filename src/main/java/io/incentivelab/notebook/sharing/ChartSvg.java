package io.incentivelab.notebook.sharing;

import com.fasterxml.jackson.databind.JsonNode;
import io.incentivelab.notebook.chart.ChartOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

/**
 * A stored chart (an ECharts option built on the server) drawn as static inline SVG for share pages and
 * reports, which load no script. Line series over the category x axis, each 95% band (a transparent lower
 * bound and the width stacked on it, see {@link ChartOptions}) as a shaded area in its line's colour, error
 * bars (box plots of the interval) as bars, stacked areas summed from zero; a y axis with ticks, grid lines and
 * its title, x labels and title, and a legend below the plot that wraps instead of overlapping. Colours are
 * those of the option's series, else {@link ChartOptions#PALETTE}. Every point carries a tooltip
 * ({@code <title>}) with the mean and its 95% CI to 4 significant digits. Heat maps become tables (mean ± the
 * interval's half width). Text is escaped; nothing is fetched. Reads options in the current and in older
 * stored forms (plain numbers as data).
 */
final class ChartSvg {

    private static final int W = 720;
    private static final int LEFT = 76;
    private static final int RIGHT = 36;
    private static final int TOP = 12;
    private static final int PH = 220;
    private static final int MAX_MARKERS = 60;

    /** A drawn line: values, the tooltip text of each point, a colour. */
    private record Line(String name, String color, double[] y, String[] tips) {
    }

    /** A shaded area between two curves (a 95% band or a stacked area's layer). */
    private record Area(String color, double[] low, double[] high, double opacity) {
    }

    /** Vertical bars of an interval with a centre mark. */
    private record Bars(String name, String color, double[] low, double[] mid, double[] high) {
    }

    private ChartSvg() {
    }

    static String render(JsonNode option) {
        StringBuilder b = new StringBuilder("<figure class=\"chart\">");
        String title = option.path("title").path("text").asText("");
        List<String> xs = new ArrayList<>();
        option.path("xAxis").path("data").forEach(n -> xs.add(n.asText()));
        List<JsonNode> drawn = new ArrayList<>();
        for (JsonNode s : option.path("series")) {
            String type = s.path("type").asText("line");
            if (type.equals("heatmap")) {
                heatmap(b, option, s);
            } else if (xs.isEmpty() || !(type.equals("line") || type.equals("boxplot"))) {
                table(b, s, xs);
            } else {
                drawn.add(s);
            }
        }
        if (!drawn.isEmpty()) {
            svg(b, option, title, xs, drawn);
        }
        b.append("<figcaption>").append(NotebookReport.esc(title)).append("</figcaption></figure>");
        return b.toString();
    }

    private static void svg(StringBuilder b, JsonNode option, String title, List<String> xs, List<JsonNode> series) {
        int n = xs.size();
        String xName = option.path("xAxis").path("name").asText("");
        List<Line> lines = new ArrayList<>();
        List<Area> areas = new ArrayList<>();
        List<Bars> bars = new ArrayList<>();
        Map<String, String> colors = new LinkedHashMap<>();
        Map<String, double[]> bandLow = new HashMap<>();
        Map<String, double[]> bandHigh = new HashMap<>();
        Map<String, double[]> stackTop = new HashMap<>();
        boolean stackedAreas = false;
        // bands first, so a mean line finds its interval
        for (JsonNode s : series) {
            String name = s.path("name").asText("");
            if (name.endsWith(" 95% low")) {
                bandLow.put(name.substring(0, name.length() - 8), values(s, n));
            } else if (name.endsWith(" 95% band")) {
                double[] w = values(s, n);
                double[] lo = bandLow.getOrDefault(name.substring(0, name.length() - 9), new double[n]);
                double[] hi = new double[n];
                for (int i = 0; i < n; i++) {
                    hi[i] = lo[i] + w[i];
                }
                bandHigh.put(name.substring(0, name.length() - 9), hi);
            }
        }
        for (JsonNode s : series) {
            String name = s.path("name").asText("");
            if (name.endsWith(" 95% low") || name.endsWith(" 95% band")) {
                continue;
            }
            if (s.path("type").asText().equals("boxplot")) {
                String of = name.endsWith(" 95% CI") ? name.substring(0, name.length() - 7) : name;
                double[] lo = new double[n];
                double[] mid = new double[n];
                double[] hi = new double[n];
                for (int i = 0; i < n; i++) {
                    JsonNode d = s.path("data").path(i);
                    lo[i] = number(d.path(0));
                    mid[i] = number(d.path(2));
                    hi[i] = number(d.path(4));
                }
                bars.add(new Bars(of, null, lo, mid, hi));
                continue;
            }
            String color = explicitColor(s);
            if (color == null) {
                color = colors.containsKey(name) ? colors.get(name) : ChartOptions.color(colors.size());
            }
            colors.putIfAbsent(name, color);
            double[] y = values(s, n);
            if (s.hasNonNull("stack")) {
                stackedAreas = true;
                double[] base = stackTop.computeIfAbsent(s.path("stack").asText(), k -> new double[n]);
                double[] from = base.clone();
                for (int i = 0; i < n; i++) {
                    y[i] = (Double.isNaN(y[i]) ? 0 : y[i]) + base[i];
                    base[i] = y[i];
                }
                areas.add(new Area(color, from, y.clone(), 0.55));
            }
            double[] lo = bandLow.get(name);
            double[] hi = bandHigh.get(name);
            if (lo != null && hi != null) {
                areas.add(new Area(color, lo, hi, 0.18));
            }
            String[] tips = new String[n];
            for (int i = 0; i < n; i++) {
                String stored = tip(s, i);
                tips[i] = stored != null ? stored : lo != null && hi != null ? ChartOptions.meanCi(y[i], lo[i], hi[i])
                        : ChartOptions.sig(s.hasNonNull("stack") ? values(s, n)[i] : y[i], 4);
            }
            lines.add(new Line(name, color, y, tips));
        }
        List<Bars> coloured = new ArrayList<>();
        for (Bars bar : bars) {
            coloured.add(new Bars(bar.name(), colors.getOrDefault(bar.name(), ChartOptions.color(coloured.size())), bar.low(),
                    bar.mid(), bar.high()));
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<double[]> all = new ArrayList<>();
        lines.forEach(l -> all.add(l.y()));
        areas.forEach(a -> {
            all.add(a.low());
            all.add(a.high());
        });
        coloured.forEach(x -> {
            all.add(x.low());
            all.add(x.high());
        });
        for (double[] l : all) {
            for (double v : l) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo <= hi)) {
            return;
        }
        JsonNode yAxis = option.path("yAxis");
        if (stackedAreas) {
            lo = Math.min(0, lo); // stacked areas are read from zero
        }
        if (yAxis.path("min").isNumber()) {
            lo = yAxis.path("min").asDouble();
        }
        if (yAxis.path("max").isNumber()) {
            hi = yAxis.path("max").asDouble();
        }
        double[] ticks = ticks(lo, hi);
        lo = Math.min(lo, ticks[0]);
        hi = Math.max(hi, ticks[ticks.length - 1]);
        if (hi == lo) {
            hi = lo + 1;
        }
        // legend rows below the plot
        List<String> legendNames = new ArrayList<>();
        option.path("legend").path("data").forEach(x -> legendNames.add(x.asText()));
        if (legendNames.isEmpty()) {
            lines.forEach(l -> legendNames.add(l.name()));
        }
        int plotRight = W - RIGHT;
        int legendTop = TOP + PH + (xName.isEmpty() ? 30 : 46);
        List<double[]> legendAt = new ArrayList<>();
        double lx = LEFT;
        double ly = legendTop;
        for (String name : legendNames) {
            double w = 22 + 6.2 * clip(name, 60).length() + 14;
            if (lx + w > plotRight && lx > LEFT) {
                lx = LEFT;
                ly += 18;
            }
            legendAt.add(new double[] {lx, ly});
            lx += w;
        }
        int height = (int) (legendNames.isEmpty() ? legendTop : ly + 18) + 4;

        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(height)
                .append("\" width=\"").append(W).append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"")
                .append(NotebookReport.esc(title)).append("\" font-family=\"system-ui,sans-serif\">");
        double span = hi - lo;
        double fLo = lo;
        double fHi = hi;
        DoubleUnaryOperator py = v -> TOP + PH * (fHi - v) / span;
        boolean gap = option.path("xAxis").path("boundaryGap").asBoolean(false) || n == 1;
        IntToDoubleFunction px = i -> LEFT + (gap ? (plotRight - LEFT) * (i + 0.5) / n
                : (plotRight - LEFT) * (double) i / (n - 1));
        // y axis: grid lines, ticks, title
        for (double t : ticks) {
            if (t < fLo - 1e-12 * Math.abs(span) || t > hi + 1e-12 * Math.abs(span)) {
                continue;
            }
            double y = py.applyAsDouble(t);
            b.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>",
                    LEFT, plotRight, y, y));
            b.append(String.format(Locale.ROOT, "<text class=\"y-tick\" x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" "
                    + "dominant-baseline=\"middle\">", LEFT - 6, y)).append(NotebookReport.esc(ChartOptions.sig(t, 6))).append("</text>");
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#888\"/>", LEFT, LEFT, TOP, TOP + PH));
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#888\"/>", LEFT, plotRight,
                TOP + PH, TOP + PH));
        String yName = yAxis.path("name").asText("");
        if (!yName.isEmpty()) {
            b.append(String.format(Locale.ROOT, "<text class=\"y-title\" x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
                    + "transform=\"rotate(-90 14 %d)\">", TOP + PH / 2, TOP + PH / 2))
                    .append(NotebookReport.esc(clip(yName, 40))).append("</text>");
        }
        // x labels: at most 8, evenly spaced, and the title
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        int chars = Math.max(4, (int) ((plotRight - LEFT) / Math.ceil((double) n / every) / 6.2));
        for (int i = 0; i < n; i += every) {
            b.append(String.format(Locale.ROOT, "<text class=\"x-tick\" x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">",
                    px.applyAsDouble(i), TOP + PH + 16)).append(NotebookReport.esc(clip(category(xs.get(i)), chars))).append("</text>");
        }
        if (!xName.isEmpty()) {
            b.append(String.format(Locale.ROOT, "<text class=\"x-title\" x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">",
                    (LEFT + plotRight) / 2, TOP + PH + 34)).append(NotebookReport.esc(clip(xName, 80))).append("</text>");
        }
        // areas (bands and stacked layers), then lines, bars and point markers
        for (Area a : areas) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(a.high()[i]) && Double.isFinite(a.low()[i])) {
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(i), py.applyAsDouble(a.high()[i])));
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                if (Double.isFinite(a.high()[i]) && Double.isFinite(a.low()[i])) {
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(i), py.applyAsDouble(a.low()[i])));
                }
            }
            b.append("<polygon class=\"area\" stroke=\"none\" fill=\"").append(a.color()).append("\" fill-opacity=\"")
                    .append(a.opacity()).append("\" points=\"").append(pts.toString().strip()).append("\"/>");
        }
        for (Line l : lines) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(l.y()[i])) {
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(i), py.applyAsDouble(l.y()[i])));
                }
            }
            b.append("<polyline fill=\"none\" stroke-width=\"1.8\" stroke=\"").append(l.color()).append("\" points=\"")
                    .append(pts.toString().strip()).append("\"><title>").append(NotebookReport.esc(l.name()))
                    .append("</title></polyline>");
        }
        for (Bars x : coloured) {
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x.low()[i]) || !Double.isFinite(x.high()[i])) {
                    continue;
                }
                double cx = px.applyAsDouble(i);
                double y1 = py.applyAsDouble(x.low()[i]);
                double y2 = py.applyAsDouble(x.high()[i]);
                b.append(String.format(Locale.ROOT, "<path class=\"error-bar\" stroke=\"%s\" stroke-width=\"1.5\" fill=\"none\" "
                        + "d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1fM%.1f %.1fH%.1f\"><title>", x.color(), cx, y1, y2, cx - 4, y1, cx + 4,
                        cx - 4, y2, cx + 4)).append(NotebookReport.esc(x.name() + " · " + xs.get(i) + ": "
                        + ChartOptions.meanCi(x.mid()[i], x.low()[i], x.high()[i]))).append("</title></path>");
            }
        }
        int step = Math.max(1, (int) Math.ceil((double) n / MAX_MARKERS));
        for (Line l : lines) {
            for (int i = 0; i < n; i += step) {
                if (!Double.isFinite(l.y()[i])) {
                    continue;
                }
                b.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\"><title>",
                        px.applyAsDouble(i), py.applyAsDouble(l.y()[i]), n <= MAX_MARKERS ? "2.5" : "1.5", l.color()))
                        .append(NotebookReport.esc(l.name() + " · " + (xName.isEmpty() ? "" : xName + " ") + xs.get(i) + ": "
                                + l.tips()[i])).append("</title></circle>");
            }
        }
        for (int k = 0; k < legendNames.size(); k++) {
            String name = legendNames.get(k);
            String color = colors.getOrDefault(name, ChartOptions.color(k));
            double[] at = legendAt.get(k);
            b.append(String.format(Locale.ROOT, "<g class=\"legend-item\"><rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" "
                    + "fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">", at[0], at[1] - 9, color, at[0] + 20, at[1]))
                    .append(NotebookReport.esc(clip(name, 60))).append("</text><title>").append(NotebookReport.esc(name))
                    .append("</title></g>");
        }
        b.append("</svg>");
    }

    /** Round tick values covering [lo, hi]: steps of 1, 2, 2.5 or 5 times a power of ten, about five of them. */
    static double[] ticks(double lo, double hi) {
        if (hi <= lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        long first = (long) Math.floor(lo / step + 1e-9);
        long last = (long) Math.ceil(hi / step - 1e-9);
        double[] t = new double[(int) (last - first + 1)];
        for (int i = 0; i < t.length; i++) {
            t[i] = (first + i) * step;
        }
        return t;
    }

    private static String explicitColor(JsonNode s) {
        for (String path : new String[] {"/lineStyle/color", "/itemStyle/color"}) {
            JsonNode c = s.at(path);
            if (c.isTextual() && c.asText().matches("#[0-9a-fA-F]{3,8}")) {
                return c.asText();
            }
        }
        return null;
    }

    /** A series' values: plain numbers, or the {@code encode.y} element (default 1) of array items. */
    private static double[] values(JsonNode s, int n) {
        int yi = s.path("encode").path("y").asInt(1);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode v = s.path("data").path(i);
            if (v.isObject()) {
                v = v.path("value");
            }
            y[i] = number(v.isArray() ? v.path(yi) : v);
        }
        return y;
    }

    /** The stored tooltip text of a point ({@code encode.tooltip}'s element), if any. */
    private static String tip(JsonNode s, int i) {
        JsonNode t = s.path("encode").path("tooltip");
        JsonNode v = s.path("data").path(i);
        if (t.isArray() && !t.isEmpty() && v.isArray()) {
            JsonNode x = v.path(t.path(0).asInt());
            return x.isTextual() ? x.asText() : null;
        }
        return null;
    }

    /** A category label; a long decimal (a stored range value such as 1.6666666666666667) to 4 significant digits. */
    static String category(String x) {
        if (x.matches("-?\\d+\\.\\d{5,}")) {
            return ChartOptions.sig(Double.parseDouble(x), 4);
        }
        return x;
    }

    private static double number(JsonNode v) {
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, Math.max(1, max - 1)) + "…" : s;
    }

    private static void heatmap(StringBuilder b, JsonNode option, JsonNode s) {
        List<String> xs = new ArrayList<>();
        option.path("xAxis").path("data").forEach(n -> xs.add(n.asText()));
        List<String> ys = new ArrayList<>();
        option.path("yAxis").path("data").forEach(n -> ys.add(n.asText()));
        Map<String, String[]> cells = new HashMap<>();
        for (JsonNode d : s.path("data")) {
            JsonNode v = d.isArray() ? d : d.path("value");
            double mean = number(v.path(2));
            double half = number(v.path(3));
            String text = Double.isNaN(mean) ? "–" : Double.isNaN(half) ? ChartOptions.sig(mean, 4)
                    : ChartOptions.sig(mean, 4) + " ± " + ChartOptions.sig(half, 2);
            String tip = Double.isNaN(mean) ? "" : ChartOptions.meanCi(mean, mean - half, mean + half);
            cells.put(v.path(0).asInt() + "," + v.path(1).asInt(), new String[] {text, tip});
        }
        String xName = option.path("xAxis").path("name").asText("");
        String yName = option.path("yAxis").path("name").asText("");
        b.append("<table class=\"heatmap\"><caption>").append(NotebookReport.esc(s.path("name").asText("")))
                .append(" — mean ± 95% CI half-width</caption><tr><th>")
                .append(NotebookReport.esc(yName + (xName.isEmpty() ? "" : " \\ " + xName))).append("</th>");
        xs.forEach(x -> b.append("<th>").append(NotebookReport.esc(x)).append("</th>"));
        b.append("</tr>");
        for (int j = 0; j < ys.size(); j++) {
            b.append("<tr><th>").append(NotebookReport.esc(ys.get(j))).append("</th>");
            for (int i = 0; i < xs.size(); i++) {
                String[] c = cells.getOrDefault(i + "," + j, new String[] {"", ""});
                b.append("<td title=\"").append(NotebookReport.esc(c[1])).append("\">").append(NotebookReport.esc(c[0]))
                        .append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table>");
    }

    private static void table(StringBuilder b, JsonNode s, List<String> xs) {
        b.append("<table class=\"series\"><caption>").append(NotebookReport.esc(s.path("name").asText(s.path("type").asText())))
                .append("</caption>");
        int i = 0;
        for (JsonNode d : s.path("data")) {
            String x = i < xs.size() ? xs.get(i) : String.valueOf(i);
            b.append("<tr><th>").append(NotebookReport.esc(x)).append("</th><td>").append(NotebookReport.esc(d.toString()))
                    .append("</td></tr>");
            i++;
        }
        b.append("</table>");
    }
}
