package io.incentivelab.notebook.sharing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stored chart (an ECharts option built on the server) drawn as static inline SVG for share pages and
 * reports, which load no script: line series (stacked ones summed, as ECharts draws them) over the category
 * x axis; heat maps and box plots become tables. Text is escaped; nothing is fetched.
 */
final class ChartSvg {

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
            "#8c564b", "#e377c2"};
    private static final int W = 720;
    private static final int H = 300;
    private static final int PAD = 40;

    private ChartSvg() {
    }

    static String render(JsonNode option) {
        StringBuilder b = new StringBuilder("<figure class=\"chart\">");
        String title = option.path("title").path("text").asText("");
        List<String> xs = new ArrayList<>();
        option.path("xAxis").path("data").forEach(n -> xs.add(n.asText()));
        List<String> names = new ArrayList<>();
        List<double[]> lines = new ArrayList<>();
        Map<String, double[]> stacks = new HashMap<>();
        for (JsonNode s : option.path("series")) {
            String type = s.path("type").asText("line");
            if (type.equals("heatmap")) {
                heatmap(b, option, s);
                continue;
            }
            if (!type.equals("line") || xs.isEmpty()) {
                table(b, s, xs);
                continue;
            }
            double[] y = new double[xs.size()];
            for (int i = 0; i < y.length; i++) {
                JsonNode v = s.path("data").path(i);
                if (v.isArray()) {
                    v = v.path(v.size() - 1);
                }
                y[i] = v.isNumber() ? v.asDouble() : Double.NaN;
            }
            if (s.hasNonNull("stack")) {
                double[] base = stacks.computeIfAbsent(s.path("stack").asText(), k -> new double[xs.size()]);
                for (int i = 0; i < y.length; i++) {
                    y[i] = (Double.isNaN(y[i]) ? 0 : y[i]) + base[i];
                    base[i] = y[i];
                }
            }
            names.add(s.path("name").asText(""));
            lines.add(y);
        }
        if (!lines.isEmpty()) {
            svg(b, title, xs, names, lines);
        }
        b.append("<figcaption>").append(NotebookReport.esc(title)).append("</figcaption></figure>");
        return b.toString();
    }

    private static void svg(StringBuilder b, String title, List<String> xs, List<String> names, List<double[]> lines) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] l : lines) {
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
        if (hi == lo) {
            hi = lo + 1;
        }
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" width=\"").append(W).append("\" height=\"").append(H).append("\" role=\"img\" aria-label=\"")
                .append(NotebookReport.esc(title)).append("\">");
        b.append("<rect x=\"").append(PAD).append("\" y=\"10\" width=\"").append(W - 2 * PAD).append("\" height=\"")
                .append(H - PAD - 10).append("\" fill=\"none\" stroke=\"#ccc\"/>");
        b.append(text(4, 16, NotebookReport.format(hi))).append(text(4, H - PAD, NotebookReport.format(lo)));
        b.append(text(PAD, H - PAD + 16, xs.get(0))).append(text(W - PAD - 40, H - PAD + 16, xs.get(xs.size() - 1)));
        for (int k = 0; k < lines.size(); k++) {
            String color = COLORS[k % COLORS.length];
            StringBuilder pts = new StringBuilder();
            double[] l = lines.get(k);
            for (int i = 0; i < l.length; i++) {
                if (Double.isFinite(l[i])) {
                    double x = PAD + (l.length == 1 ? 0 : (W - 2.0 * PAD) * i / (l.length - 1));
                    double y = 10 + (H - PAD - 10) * (hi - l[i]) / (hi - lo);
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                }
            }
            b.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(color).append("\" points=\"")
                    .append(pts.toString().strip()).append("\"><title>").append(NotebookReport.esc(names.get(k)))
                    .append("</title></polyline>");
            b.append(text(PAD + 8 + (k % 4) * 170, H - 6 - 0 * k, names.get(k)).replace("<text ", "<text fill=\"" + color + "\" "));
        }
        b.append("</svg>");
    }

    private static String text(double x, double y, String s) {
        String t = s.length() > 28 ? s.substring(0, 27) + "…" : s;
        return String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\">", x, y) + NotebookReport.esc(t) + "</text>";
    }

    private static void heatmap(StringBuilder b, JsonNode option, JsonNode s) {
        List<String> xs = new ArrayList<>();
        option.path("xAxis").path("data").forEach(n -> xs.add(n.asText()));
        List<String> ys = new ArrayList<>();
        option.path("yAxis").path("data").forEach(n -> ys.add(n.asText()));
        Map<String, String> cells = new HashMap<>();
        for (JsonNode d : s.path("data")) {
            JsonNode v = d.isArray() ? d : d.path("value");
            cells.put(v.path(0).asInt() + "," + v.path(1).asInt(), v.path(2).isNumber() ? NotebookReport.format(v.path(2).asDouble()) : "–");
        }
        b.append("<table class=\"heatmap\"><tr><th></th>");
        xs.forEach(x -> b.append("<th>").append(NotebookReport.esc(x)).append("</th>"));
        b.append("</tr>");
        for (int j = 0; j < ys.size(); j++) {
            b.append("<tr><th>").append(NotebookReport.esc(ys.get(j))).append("</th>");
            for (int i = 0; i < xs.size(); i++) {
                b.append("<td>").append(NotebookReport.esc(cells.getOrDefault(i + "," + j, ""))).append("</td>");
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
