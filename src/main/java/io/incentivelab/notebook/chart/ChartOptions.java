package io.incentivelab.notebook.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds Apache ECharts option objects (JSON) from numbers, so the browser side stays one generic
 * {@code <lab-chart>} element. Every chart has a title, a legend, an axis tooltip and zoom (an inside and a
 * slider {@code dataZoom}); undefined values (NaN) become null, which ECharts draws as a gap. A 95% band is
 * drawn as two stacked, line-less areas: the lower bound (transparent) and the width above it (shaded), both
 * left out of the tooltip; the mean line's data items are {@code [x, value, "mean (95% CI low–high)"]} so its
 * tooltip names the interval, to 4 significant digits. Series are coloured from {@link #PALETTE}, a band in its
 * line's colour. Animation is off so large charts draw at once.
 */
public final class ChartOptions {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * The series colours of every chart (interactive and static): ten distinct hues, so up to ten series never
     * share a colour. A line's 95% band takes its line's colour.
     */
    public static final List<String> PALETTE = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");
    /** The name of the tooltip dimension of a mean with its interval ({@link #meanCi}). */
    public static final String CI_DIMENSION = "mean (95% CI)";

    /** One line with its 95% band, x by category (epochs, fractions). */
    public record Band(String name, double[] mean, double[] low, double[] high) {
    }

    /** One named series of plain values. */
    public record Line(String name, double[] values) {
    }

    private ChartOptions() {
    }

    /**
     * A metric over time: per band, the mean across replicates and its 95% confidence band.
     *
     * @param epochs x categories (the sampled epochs)
     */
    public static ObjectNode timeSeries(String title, String metric, int[] epochs, List<Band> bands) {
        ObjectNode o = base(title, "axis");
        categoryAxis(o.putObject("xAxis"), "epoch", strings(epochs), false);
        valueAxis(o.putObject("yAxis"), metric);
        ArrayNode legend = o.with("legend").putArray("data");
        ArrayNode series = o.putArray("series");
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            legend.add(b.name());
            addBand(series, b, "band" + i, color(i));
        }
        zoom(o, true);
        return o;
    }

    /**
     * Lorenz curves: the share held by the poorest fraction of holders, one mean curve with its 95% band per
     * entry, and the line of equality.
     *
     * @param fractions x categories in [0, 1] (e.g. 0, 0.1, …, 1)
     */
    public static ObjectNode lorenz(String title, String quantity, double[] fractions, List<Band> curves) {
        ObjectNode o = base(title, "axis");
        String[] xs = new String[fractions.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Math.round(fractions[i] * 100) + "%";
        }
        categoryAxis(o.putObject("xAxis"), "operators, poorest first", xs, false);
        ObjectNode y = valueAxis(o.putObject("yAxis"), "cumulative share of " + quantity);
        y.put("min", 0);
        y.put("max", 1);
        ArrayNode legend = o.with("legend").putArray("data");
        ArrayNode series = o.putArray("series");
        ObjectNode equality = line(series, "equality", fractions);
        equality.with("lineStyle").put("type", "dashed").put("color", "#888888");
        equality.with("itemStyle").put("color", "#888888");
        equality.with("tooltip").put("show", false);
        legend.add("equality");
        for (int i = 0; i < curves.size(); i++) {
            legend.add(curves.get(i).name());
            addBand(series, curves.get(i), "band" + i, color(i));
        }
        zoom(o, false);
        return o;
    }

    /** Stacked areas: one quantity per subnet over time (the mean across replicates). */
    public static ObjectNode stackedAreas(String title, String quantity, int[] epochs, List<Line> perSubnet) {
        ObjectNode o = base(title, "axis");
        categoryAxis(o.putObject("xAxis"), "epoch", strings(epochs), false);
        valueAxis(o.putObject("yAxis"), quantity);
        ArrayNode legend = o.with("legend").putArray("data");
        ArrayNode series = o.putArray("series");
        for (int i = 0; i < perSubnet.size(); i++) {
            Line l = perSubnet.get(i);
            legend.add(l.name());
            ObjectNode s = line(series, l.name(), l.values(), null, null);
            colour(s, color(i));
            s.put("stack", "total");
            s.putObject("areaStyle").put("opacity", 0.6);
            s.with("emphasis").put("focus", "series");
        }
        zoom(o, true);
        return o;
    }

    /**
     * A metric across one sweep axis: per series the mean as a line and its 95% interval as error bars
     * (drawn as thin boxes from the lower to the upper bound, the mean marked inside).
     *
     * @param xs the axis values (x categories)
     */
    public static ObjectNode sweepLine(String title, String metric, String axis, List<String> xs, List<Band> lines) {
        ObjectNode o = base(title, "axis");
        categoryAxis(o.putObject("xAxis"), axis, xs.toArray(String[]::new), true);
        ObjectNode y = valueAxis(o.putObject("yAxis"), metric);
        y.put("scale", true);
        ArrayNode legend = o.with("legend").putArray("data");
        ArrayNode series = o.putArray("series");
        for (int k = 0; k < lines.size(); k++) {
            Band b = lines.get(k);
            legend.add(b.name());
            ObjectNode mean = line(series, b.name(), b.mean(), b.low(), b.high());
            colour(mean, color(k));
            mean.put("symbolSize", 7);
            ObjectNode bars = series.addObject();
            bars.put("type", "boxplot");
            bars.put("name", b.name() + " 95% CI");
            bars.with("itemStyle").put("color", "transparent").put("borderColor", color(k));
            ArrayNode width = bars.putArray("boxWidth");
            width.add(2).add(8);
            ArrayNode data = bars.putArray("data");
            for (int i = 0; i < b.mean().length; i++) {
                ArrayNode d = data.addArray();
                num(d, b.low()[i]);
                num(d, b.low()[i]);
                num(d, b.mean()[i]);
                num(d, b.high()[i]);
                num(d, b.high()[i]);
            }
            bars.with("tooltip").put("show", false); // the mean's tooltip gives the interval
        }
        zoom(o, true);
        return o;
    }

    /**
     * A metric over two sweep axes as a heat map of its mean; each cell's data item also carries the 95%
     * interval's half width (4th value) for the tooltip.
     *
     * @param mean {@code mean[x][y]}
     * @param half {@code half[x][y]}, the "± x" of the interval
     */
    public static ObjectNode heatmap(String title, String metric, String xAxis, List<String> xs, String yAxis,
            List<String> ys, double[][] mean, double[][] half) {
        ObjectNode o = base(title, "item");
        categoryAxis(o.putObject("xAxis"), xAxis, xs.toArray(String[]::new), true);
        categoryAxis(o.putObject("yAxis"), yAxis, ys.toArray(String[]::new), true);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        ObjectNode s = o.putArray("series").addObject();
        s.put("type", "heatmap");
        s.put("name", metric);
        s.with("label").put("show", true);
        s.with("tooltip").put("formatter", "{a}<br/>{b}");
        ArrayNode data = s.putArray("data");
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                ObjectNode item = data.addObject();
                item.put("name", xAxis + " " + xs.get(i) + ", " + yAxis + " " + ys.get(j) + ": "
                        + meanCi(mean[i][j], mean[i][j] - half[i][j], mean[i][j] + half[i][j]));
                ArrayNode d = item.putArray("value");
                d.add(i).add(j);
                num(d, round(mean[i][j], 4)); // the cell's label: 4 significant digits
                num(d, round(half[i][j]));
                if (Double.isFinite(mean[i][j])) {
                    min = Math.min(min, mean[i][j]);
                    max = Math.max(max, mean[i][j]);
                }
            }
        }
        ObjectNode vm = o.putObject("visualMap");
        vm.put("min", Double.isFinite(min) ? round(min) : 0);
        vm.put("max", Double.isFinite(max) ? round(max) : 1);
        vm.put("calculable", true);
        vm.put("orient", "horizontal");
        vm.put("left", "center");
        vm.put("bottom", 0);
        vm.put("dimension", 2);
        o.with("legend").put("show", false);
        o.with("grid").put("bottom", 90);
        ObjectNode dz = zoom(o, true);
        dz.put("bottom", 40);
        return o;
    }

    /**
     * Brings an option stored before charts had one palette and CI tooltips (the example notebooks', old
     * notebooks') to the current form, without changing what it draws: the palette, a colour per series and
     * its band, the band's parts and error bars out of the tooltip, each mean's tooltip with its 95% CI (from
     * the band or error bars stored beside it), heat map cells named with theirs. An option already in the
     * current form is returned unchanged.
     */
    public static ObjectNode upgrade(ObjectNode option) {
        ObjectNode o = option.deepCopy();
        if (o.has("color")) {
            return o;
        }
        ArrayNode palette = o.putArray("color");
        PALETTE.forEach(palette::add);
        Map<String, JsonNode> low = new HashMap<>();
        Map<String, JsonNode> width = new HashMap<>();
        Map<String, JsonNode> boxes = new HashMap<>();
        for (JsonNode s : o.path("series")) {
            String name = s.path("name").asText("");
            if (name.endsWith(" 95% low")) {
                low.put(name.substring(0, name.length() - 8), s.path("data"));
            } else if (name.endsWith(" 95% band")) {
                width.put(name.substring(0, name.length() - 9), s.path("data"));
            } else if (s.path("type").asText().equals("boxplot")) {
                boxes.put(name.endsWith(" 95% CI") ? name.substring(0, name.length() - 7) : name, s.path("data"));
            }
        }
        Map<String, String> colours = new HashMap<>();
        int k = 0;
        for (JsonNode node : o.path("series")) {
            ObjectNode s = (ObjectNode) node;
            String name = s.path("name").asText("");
            String type = s.path("type").asText("line");
            if (type.equals("heatmap")) {
                upgradeHeatmap(o, s);
            } else if (type.equals("boxplot")) {
                s.with("tooltip").removeAll().put("show", false);
            } else if (name.endsWith(" 95% low") || name.endsWith(" 95% band")) {
                s.with("tooltip").put("show", false);
            } else if (type.equals("line")) {
                if (s.at("/lineStyle/color").isTextual()) {
                    s.with("tooltip").put("show", false); // the line of equality
                    continue;
                }
                String c = color(k++);
                colours.put(name, c);
                colour(s, c);
                ArrayNode data = (ArrayNode) s.path("data");
                boolean plain = true;
                for (JsonNode d : data) {
                    plain &= d.isNumber() || d.isNull();
                }
                if (!plain) {
                    continue;
                }
                ArrayNode items = F.arrayNode();
                for (int i = 0; i < data.size(); i++) {
                    double v = data.get(i).isNumber() ? data.get(i).asDouble() : Double.NaN;
                    String tip;
                    if (low.containsKey(name) && width.containsKey(name)) {
                        double lo = value(low.get(name).path(i));
                        tip = meanCi(v, lo, lo + value(width.get(name).path(i)));
                    } else if (boxes.containsKey(name)) {
                        tip = meanCi(v, value(boxes.get(name).path(i).path(0)), value(boxes.get(name).path(i).path(4)));
                    } else {
                        tip = sig(v, 4);
                    }
                    ArrayNode item = items.addArray();
                    item.add(i);
                    num(item, v);
                    item.add(tip);
                }
                s.set("data", items);
                ArrayNode dims = s.putArray("dimensions");
                dims.add("x").add("value");
                boolean ci = low.containsKey(name) || boxes.containsKey(name);
                dims.addObject().put("name", ci ? CI_DIMENSION : "mean").put("type", "ordinal");
                ObjectNode encode = s.putObject("encode");
                encode.put("x", 0).put("y", 1);
                encode.putArray("tooltip").add(2);
            }
        }
        for (JsonNode node : o.path("series")) {
            String name = node.path("name").asText("");
            String of = name.endsWith(" 95% band") ? name.substring(0, name.length() - 9)
                    : name.endsWith(" 95% CI") ? name.substring(0, name.length() - 7) : null;
            if (of != null && colours.containsKey(of)) {
                if (node.path("type").asText().equals("boxplot")) {
                    ((ObjectNode) node).with("itemStyle").put("color", "transparent").put("borderColor", colours.get(of));
                } else {
                    ((ObjectNode) node).with("areaStyle").put("color", colours.get(of));
                }
            }
        }
        return o;
    }

    private static void upgradeHeatmap(ObjectNode o, ObjectNode s) {
        List<String> xs = new ArrayList<>();
        o.path("xAxis").path("data").forEach(x -> xs.add(x.asText()));
        List<String> ys = new ArrayList<>();
        o.path("yAxis").path("data").forEach(y -> ys.add(y.asText()));
        String xName = o.path("xAxis").path("name").asText("");
        String yName = o.path("yAxis").path("name").asText("");
        ArrayNode items = F.arrayNode();
        for (JsonNode d : s.path("data")) {
            if (!d.isArray()) {
                items.add(d);
                continue;
            }
            int i = d.path(0).asInt();
            int j = d.path(1).asInt();
            double mean = value(d.path(2));
            double half = value(d.path(3));
            ObjectNode item = items.addObject();
            item.put("name", xName + " " + (i < xs.size() ? xs.get(i) : i) + ", " + yName + " " + (j < ys.size() ? ys.get(j) : j)
                    + ": " + meanCi(mean, mean - half, mean + half));
            item.set("value", d);
        }
        s.set("data", items);
        s.with("tooltip").put("formatter", "{a}<br/>{b}");
    }

    private static double value(JsonNode v) {
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    /** The number of data items in an option's series (what {@code <lab-chart>} reports as data-points). */
    public static int dataPoints(ObjectNode option) {
        int n = 0;
        for (var s : option.path("series")) {
            n += s.path("data").size();
        }
        return n;
    }

    /**
     * A mean with its 95% confidence interval for a tooltip, 4 significant digits (more where the bounds would
     * otherwise read the same): "0.4123 (95% CI 0.3981–0.4265)"; "–" where undefined.
     */
    public static String meanCi(double mean, double low, double high) {
        if (!Double.isFinite(mean)) {
            return "–";
        }
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return sig(mean, 4);
        }
        int digits = 4;
        while (digits < 7 && low != high && sig(low, digits).equals(sig(high, digits))) {
            digits++;
        }
        return sig(mean, digits) + " (95% CI " + sig(low, digits) + "–" + sig(high, digits) + ")";
    }

    /**
     * A number with {@code digits} significant digits, trailing zeros dropped; exponent form below 1e-3 and
     * from 1e6; values within 1e-9 of zero (rounding noise of shares and fractions) are 0.
     */
    public static String sig(double v, int digits) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        if (a < 1e-9) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits));
        if (a < 1e-3 || a >= 1e6) {
            String t = String.format(Locale.ROOT, "%." + (digits - 1) + "e", d.doubleValue());
            String[] parts = t.split("e");
            String m = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            return m + "e" + Integer.parseInt(parts[1]);
        }
        String t = d.stripTrailingZeros().toPlainString();
        return t.equals("-0") ? "0" : t;
    }

    /** The colour of the k-th series. */
    public static String color(int k) {
        return PALETTE.get(Math.floorMod(k, PALETTE.size()));
    }

    private static void colour(ObjectNode series, String color) {
        series.with("itemStyle").put("color", color);
        series.with("lineStyle").put("color", color);
    }

    private static ObjectNode base(String title, String tooltipTrigger) {
        ObjectNode o = F.objectNode();
        o.put("animation", false);
        ArrayNode palette = o.putArray("color");
        PALETTE.forEach(palette::add);
        o.with("title").put("text", title).put("left", "center").with("textStyle").put("fontSize", 14);
        o.with("tooltip").put("trigger", tooltipTrigger).put("confine", true);
        o.with("legend").put("top", 26).put("type", "scroll");
        ObjectNode grid = o.with("grid");
        grid.put("top", 80).put("left", 16).put("right", 24).put("bottom", 56).put("containLabel", true);
        return o;
    }

    private static void categoryAxis(ObjectNode axis, String name, String[] values, boolean gap) {
        axis.put("type", "category");
        axis.put("name", name);
        axis.put("nameLocation", "middle");
        axis.put("nameGap", 28);
        axis.put("boundaryGap", gap);
        ArrayNode d = axis.putArray("data");
        for (String v : values) {
            d.add(v);
        }
    }

    private static ObjectNode valueAxis(ObjectNode axis, String name) {
        axis.put("type", "value");
        axis.put("name", name);
        axis.put("nameLocation", "end");
        axis.with("nameTextStyle").put("align", "left"); // from the axis rightwards: a long name is not cut off
        return axis;
    }

    private static ObjectNode zoom(ObjectNode o, boolean slider) {
        ArrayNode dz = o.putArray("dataZoom");
        dz.addObject().put("type", "inside");
        ObjectNode s = dz.addObject();
        s.put("type", "slider");
        s.put("show", slider);
        s.put("height", 18);
        s.put("bottom", 8);
        return s;
    }

    private static ObjectNode line(ArrayNode series, String name, double[] values) {
        ObjectNode s = series.addObject();
        s.put("type", "line");
        s.put("name", name);
        s.put("showSymbol", values.length <= 60);
        s.put("connectNulls", false);
        ArrayNode d = s.putArray("data");
        for (double v : values) {
            num(d, round(v));
        }
        return s;
    }

    /**
     * A line whose data items are {@code [x index, value, tooltip text]}: the value drawn (6 significant
     * digits) and, for the tooltip, the mean with its 95% CI to 4 ({@link #meanCi}); low/high may be null.
     */
    private static ObjectNode line(ArrayNode series, String name, double[] values, double[] low, double[] high) {
        ObjectNode s = series.addObject();
        s.put("type", "line");
        s.put("name", name);
        s.put("showSymbol", values.length <= 60);
        s.put("connectNulls", false);
        ArrayNode dims = s.putArray("dimensions");
        dims.add("x").add("value");
        dims.addObject().put("name", low == null ? "mean" : CI_DIMENSION).put("type", "ordinal");
        ObjectNode encode = s.putObject("encode");
        encode.put("x", 0).put("y", 1);
        encode.putArray("tooltip").add(2);
        ArrayNode d = s.putArray("data");
        for (int i = 0; i < values.length; i++) {
            ArrayNode item = d.addArray();
            item.add(i);
            num(item, round(values[i]));
            item.add(low == null ? sig(values[i], 4) : meanCi(values[i], low[i], high[i]));
        }
        return s;
    }

    private static void addBand(ArrayNode series, Band b, String stack, String color) {
        colour(line(series, b.name(), b.mean(), b.low(), b.high()), color);
        int n = b.mean().length;
        double[] low = new double[n];
        double[] width = new double[n];
        for (int i = 0; i < n; i++) {
            boolean ok = Double.isFinite(b.low()[i]) && Double.isFinite(b.high()[i]);
            low[i] = ok ? b.low()[i] : Double.NaN;
            width[i] = ok ? b.high()[i] - b.low()[i] : Double.NaN;
        }
        ObjectNode lo = line(series, b.name() + " 95% low", low);
        lo.put("stack", stack);
        lo.put("showSymbol", false);
        lo.with("lineStyle").put("opacity", 0);
        lo.with("tooltip").put("show", false);
        lo.put("silent", true);
        ObjectNode w = line(series, b.name() + " 95% band", width);
        w.put("stack", stack);
        w.put("showSymbol", false);
        w.with("lineStyle").put("opacity", 0);
        w.with("areaStyle").put("opacity", 0.2).put("color", color);
        w.with("tooltip").put("show", false); // the mean's tooltip gives the interval
        w.put("silent", true);
    }

    private static void num(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }

    /** Six significant digits: enough for a chart, and a smaller option to send. */
    static double round(double v) {
        return round(v, 6);
    }

    static double round(double v, int digits) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(digits)).doubleValue();
    }

    private static String[] strings(int[] xs) {
        String[] s = new String[xs.length];
        for (int i = 0; i < xs.length; i++) {
            s[i] = Integer.toString(xs[i]);
        }
        return s;
    }
}
