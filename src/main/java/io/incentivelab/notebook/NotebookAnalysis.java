package io.incentivelab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.experiment.ExperimentPlan;
import io.incentivelab.experiment.ExperimentPoint;
import io.incentivelab.experiment.ExperimentResults;
import io.incentivelab.experiment.ExperimentService;
import io.incentivelab.experiment.ExperimentSpec;
import io.incentivelab.experiment.MetricComparison;
import io.incentivelab.experiment.MetricStats;
import io.incentivelab.experiment.PointSummary;
import io.incentivelab.experiment.SeriesBand;
import io.incentivelab.experiment.SimulationEngine;
import io.incentivelab.notebook.chart.ChartOptions;
import io.incentivelab.simulation.FlatKey;
import io.incentivelab.simulation.SubnetMetric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Charts, comparisons and staleness for a notebook's analysis cells, from the results the experiments service
 * stored for the experiment cell they name. Computes; stores nothing unless asked ({@link #store}).
 */
@Service
public class NotebookAnalysis {

    /** Points drawn when a chart names none. */
    static final int DEFAULT_POINTS = 4;
    private static final double[] DECILES = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};
    /** The subnet outputs a RESOURCES chart can stack: each subnet's share of a resource, or of emission. */
    private static final Set<SubnetMetric> RESOURCE_SHARES = EnumSet.of(SubnetMetric.RESOURCES_COMPUTE,
            SubnetMetric.RESOURCES_STORAGE, SubnetMetric.RESOURCES_QUALITY, SubnetMetric.EMISSION_SHARE);

    private final ExperimentService experiments;
    private final NotebookService notebooks;

    NotebookAnalysis(ExperimentService experiments, NotebookService notebooks) {
        this.experiments = experiments;
        this.notebooks = notebooks;
    }

    /** The state of every cell's output (see {@link CellStaleness}). */
    public Map<String, CellStaleness.State> states(NotebookDocument document, Map<String, CellOutput> outputs) {
        Map<String, String> hashes = new LinkedHashMap<>();
        return CellStaleness.of(document, outputs, e -> hashes.computeIfAbsent(e.id(), k -> experimentHash(document, e)));
    }

    /**
     * The hash an experiment cell's inputs give now, as {@link NotebookRuns} records it in the output
     * (SHA-256 of the checked spec); null if the cell cannot run as it is.
     */
    public String experimentHash(NotebookDocument document, ExperimentCell cell) {
        if (cell.scenarioCellIds().isEmpty()) {
            return null;
        }
        try {
            return NotebookRuns.hash(experiments.plan(NotebookRuns.spec(document, cell)).spec());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The metrics a chart of a kind can draw from an experiment's output. */
    public static List<String> metricsFor(String kind, ExperimentOutput source) {
        if (source == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String m : source.metrics()) {
            switch (kind) {
                case "TIME_SERIES" -> {
                    if (SimulationEngine.storedSeries(m)) {
                        out.add(m);
                    }
                }
                case "LORENZ" -> {
                    SubnetMetric median = FlatKey.subnetMean(m).orElse(null);
                    if (median == SubnetMetric.LORENZ_EMISSION_P50 || median == SubnetMetric.LORENZ_RESOURCE_P50) {
                        String curve = median == SubnetMetric.LORENZ_EMISSION_P50 ? "lorenzEmission" : "lorenzResource";
                        out.add(FlatKey.parse(m).scope() + "." + curve);
                        out.add(curve);
                    }
                }
                case "MATRIX" -> {
                    if (m.startsWith(ResourceMatrix.PREFIX)) {
                        out.add(ResourceMatrix.METRIC);
                    }
                }
                case "RESOURCES" -> {
                    // each subnet's share of the network's resources, or of its emission (sums to 1 too)
                    FlatKey.subnetMean(m).filter(RESOURCE_SHARES::contains).ifPresent(r -> out.add(r.key()));
                }
                default -> out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /** A short name of each sweep point of an experiment output: scenario and swept values. */
    public static List<String> pointLabels(ExperimentOutput source) {
        List<String> labels = new ArrayList<>();
        for (ExperimentOutput.PointResult p : source.points()) {
            labels.add(pointLabel(p.scenario(), p.parameters()));
        }
        return labels;
    }

    static String pointLabel(String scenario, Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder(scenario);
        parameters.forEach((path, v) -> sb.append(sb.length() > 0 ? " · " : "").append(shortPath(path)).append('=').append(v));
        return sb.toString();
    }

    /** {@code $.subnets[0].rewardCurve.type} → {@code rewardCurve.type}. */
    static String shortPath(String path) {
        String p = path.startsWith("$.") ? path.substring(2) : path;
        String[] parts = p.split("\\.");
        return parts.length <= 2 ? p : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    /**
     * Draws a chart cell from its experiment's last results.
     *
     * @throws IllegalStateException with a message for the user when it cannot be drawn
     */
    public ChartOutput chart(NotebookDocument document, Map<String, CellOutput> outputs, ChartCell cell) {
        ExperimentOutput src = source(document, outputs, cell.experimentCellId());
        return chart(cell, src, data(src.experimentId()));
    }

    /** The experiments service's results of an experiment. */
    private ExperimentData data(String experimentId) {
        ExperimentResults results = experiments.results(experimentId)
                .orElseThrow(() -> new IllegalStateException("the experiment's results are no longer stored; run it again"));
        return ExperimentData.of(results, point -> experiments.series(experimentId, point).orElseThrow(),
                (a, b) -> experiments.compare(experimentId, a, b).orElseThrow());
    }

    /**
     * Draws a chart cell from given results.
     *
     * @param src the experiment cell's output the results belong to
     * @throws IllegalStateException with a message for the user when it cannot be drawn
     */
    public static ChartOutput chart(ChartCell cell, ExperimentOutput src, ExperimentData data) {
        if (cell.kind().equals("MATRIX")) {
            ObjectNode option = matrix(cell, src);
            return new ChartOutput(CellStaleness.analysisHash(cell, src), src.experimentId(), option,
                    ChartOptions.dataPoints(option));
        }
        ExperimentResults r = data.results();
        if (cell.metric().isBlank()) {
            throw new IllegalStateException("choose a metric");
        }
        String title = cell.label().isBlank() ? MetricLabels.of(cell.metric()) : cell.label();
        List<Integer> points = points(cell.points(), r.points().size());
        ObjectNode option = switch (cell.kind()) {
            case "TIME_SERIES" -> timeSeries(data, r, cell.metric(), title, points);
            case "LORENZ" -> lorenz(r, cell.metric(), title, points);
            case "RESOURCES" -> resources(data, r, cell.metric(), title, points.get(0));
            case "SWEEP" -> sweep(r, cell.metric(), title);
            default -> throw new IllegalStateException("unknown chart kind " + cell.kind());
        };
        return new ChartOutput(CellStaleness.analysisHash(cell, src), src.experimentId(), option,
                ChartOptions.dataPoints(option));
    }

    /**
     * Compares two points of a compare cell's experiment.
     *
     * @throws IllegalStateException with a message for the user when it cannot be compared
     */
    public CompareOutput compare(NotebookDocument document, Map<String, CellOutput> outputs, CompareCell cell) {
        ExperimentOutput src = source(document, outputs, cell.experimentCellId());
        return compare(cell, src, data(src.experimentId()));
    }

    /**
     * Compares two points of given results.
     *
     * @throws IllegalStateException with a message for the user when it cannot be compared
     */
    public static CompareOutput compare(CompareCell cell, ExperimentOutput src, ExperimentData data) {
        ExperimentResults r = data.results();
        int n = r.points().size();
        if (cell.pointA() >= n || cell.pointB() >= n) {
            throw new IllegalStateException("the experiment has points 1.." + n);
        }
        if (cell.pointA() == cell.pointB()) {
            throw new IllegalStateException("choose two different points");
        }
        List<MetricComparison> cmp = data.compare(cell.pointA(), cell.pointB());
        PointSummary a = r.points().get(cell.pointA());
        PointSummary b = r.points().get(cell.pointB());
        String filter = cell.filter().strip().toLowerCase(Locale.ROOT);
        List<CompareOutput.Row> rows = new ArrayList<>();
        for (MetricComparison c : cmp) {
            if (!filter.isEmpty() && !c.metric().toLowerCase(Locale.ROOT).contains(filter)) {
                continue;
            }
            MetricStats sa = a.metrics().get(c.metric());
            MetricStats sb = b.metrics().get(c.metric());
            rows.add(new CompareOutput.Row(c.metric(), c.nA(), c.meanA(), low(sa), high(sa), c.nB(), c.meanB(), low(sb),
                    high(sb), c.difference(), c.welchP(), c.mannWhitneyP(), c.hedgesG()));
        }
        List<CompareOutput.ParameterDiff> diff = new ArrayList<>();
        JsonDiff.diff("$", r.plan().scenario(cell.pointA()), r.plan().scenario(cell.pointB()), diff);
        return new CompareOutput(CellStaleness.analysisHash(cell, src), src.experimentId(), label(a.point()),
                label(b.point()), rows, diff);
    }

    /** Whether this app still holds an experiment's results (an example's were computed elsewhere). */
    public boolean hasResults(String experimentId) {
        return experimentId != null && experiments.status(experimentId).isPresent();
    }

    /**
     * The cells "Run all" runs, top to bottom: the stale and not-yet-run ones, and the experiments they draw
     * from whose results this app does not hold (so a chart of a copied example can be redrawn).
     */
    public List<Cell> toRun(NotebookDocument document, Map<String, CellOutput> outputs, Map<String, CellStaleness.State> states) {
        Set<String> ids = new HashSet<>();
        CellStaleness.toRun(document, states).forEach(c -> ids.add(c.id()));
        for (Cell c : document.cells()) {
            String src = c instanceof ChartCell ch ? ch.experimentCellId() : c instanceof CompareCell cmp ? cmp.experimentCellId() : null;
            if (src != null && ids.contains(c.id()) && !ids.contains(src) && outputs.get(src) instanceof ExperimentOutput o
                    && !hasResults(o.experimentId())) {
                ids.add(src);
            }
        }
        return document.cells().stream().filter(c -> ids.contains(c.id())).toList();
    }

    /** Stores a computed output for a cell of a stored notebook. */
    public void store(String notebookId, String cellId, CellOutput output) {
        if (output instanceof ExperimentOutput o) {
            notebooks.putRunOutput(notebookId, cellId, o); // a cancelled run keeps the last complete results
        } else {
            notebooks.putOutput(notebookId, cellId, output);
        }
    }

    private static ExperimentOutput source(NotebookDocument document, Map<String, CellOutput> outputs, String cellId) {
        if (cellId == null || cellId.isBlank() || document.cell(cellId).filter(ExperimentCell.class::isInstance).isEmpty()) {
            throw new IllegalStateException("choose an experiment cell");
        }
        if (!(outputs.get(cellId) instanceof ExperimentOutput o)) {
            throw new IllegalStateException("run the experiment first");
        }
        return o;
    }

    private static List<Integer> points(List<Integer> chosen, int available) {
        if (available == 0) {
            throw new IllegalStateException("the experiment has no results yet");
        }
        List<Integer> p = chosen.stream().filter(i -> i >= 0 && i < available).distinct().toList();
        if (p.isEmpty()) {
            List<Integer> first = new ArrayList<>();
            for (int i = 0; i < Math.min(DEFAULT_POINTS, available); i++) {
                first.add(i);
            }
            return first;
        }
        return p;
    }

    private static ObjectNode timeSeries(ExperimentData data, ExperimentResults r, String metric, String title,
            List<Integer> points) {
        List<ChartOptions.Band> bands = new ArrayList<>();
        int[] epochs = null;
        for (int p : points) {
            SeriesBand s = data.series(p);
            int k = s.names().indexOf(metric);
            if (k < 0) {
                throw new IllegalStateException("no time series of " + metric + " was stored");
            }
            if (epochs == null) {
                epochs = s.epochs();
            } else if (!Arrays.equals(epochs, s.epochs())) {
                continue;
            }
            bands.add(new ChartOptions.Band(label(r.points().get(p).point()) + " (n=" + s.replicates() + ")", s.mean()[k],
                    s.ci95Low()[k], s.ci95High()[k]));
        }
        return ChartOptions.timeSeries(title, MetricLabels.of(metric), epochs, bands);
    }

    private static ObjectNode lorenz(ExperimentResults r, String metric, String title, List<Integer> points) {
        List<ChartOptions.Band> curves = new ArrayList<>();
        if (!metric.contains(".")) {
            // every subnet's curve at the first chosen point
            PointSummary s = r.points().get(points.get(0));
            for (String m : s.metrics().keySet()) {
                FlatKey k = FlatKey.tryParse(m).orElse(null);
                if (k != null && !k.finalValue() && k.key().equals(metric + ".p50")) {
                    curves.add(lorenzCurve(s, k.scope() + "." + metric, k.scope()));
                }
            }
            if (curves.isEmpty()) {
                throw new IllegalStateException("no Lorenz curve " + metric + " in these results (engine-2 or later)");
            }
            String quantity = metric.endsWith("lorenzResource") ? "rewarded resource" : "miner emission";
            return ChartOptions.lorenz(title + (r.points().size() > 1 ? " · " + label(s.point()) : ""), quantity, DECILES,
                    curves);
        }
        for (int p : points) {
            PointSummary s = r.points().get(p);
            curves.add(lorenzCurve(s, metric, label(s.point())));
        }
        String quantity = metric.endsWith("lorenzResource") ? "rewarded resource" : "miner emission";
        return ChartOptions.lorenz(title, quantity, DECILES, curves);
    }

    private static ChartOptions.Band lorenzCurve(PointSummary s, String metric, String name) {
        double[] mean = new double[DECILES.length];
        double[] lo = new double[DECILES.length];
        double[] hi = new double[DECILES.length];
        mean[DECILES.length - 1] = lo[DECILES.length - 1] = hi[DECILES.length - 1] = 1;
        for (int i = 1; i < DECILES.length - 1; i++) {
            MetricStats m = s.metrics().get(metric + ".p" + (i * 10));
            if (m == null) {
                throw new IllegalStateException("no Lorenz curve " + metric + " in these results (engine-2 or later)");
            }
            mean[i] = m.mean();
            lo[i] = m.ci95Low();
            hi[i] = m.ci95High();
        }
        return new ChartOptions.Band(name, mean, lo, hi);
    }


    private static ObjectNode resources(ExperimentData data, ExperimentResults r, String resource, String title, int point) {
        SeriesBand s = data.series(point);
        List<ChartOptions.Line> lines = new ArrayList<>();
        for (int k = 0; k < s.names().size(); k++) {
            String name = s.names().get(k);
            FlatKey key = FlatKey.tryParse(name).orElse(null);
            if (key != null && !key.network() && key.key().equals(resource)) {
                lines.add(new ChartOptions.Line(key.scope(), s.mean()[k]));
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("no time series of " + resource + " was stored (run the experiment again)");
        }
        return ChartOptions.stackedAreas(title + " · " + label(r.points().get(point).point()),
                resource.replaceFirst("^resources\\.", "") + " held", s.epochs(), lines);
    }

    /** The subnet × resource matrix at the first chosen point, from the experiment cell's output (means and CIs). */
    private static ObjectNode matrix(ChartCell cell, ExperimentOutput src) {
        int point = points(cell.points(), src.points().size()).get(0);
        ExperimentOutput.PointResult p = src.points().get(point);
        ResourceMatrix m = ResourceMatrix.of(p.metrics()).orElseThrow(() -> new IllegalStateException(
                "these results hold no resource shares by subnet (run the experiment again)"));
        double[][] mean = new double[m.resources().size()][m.subnets().size()];
        double[][] half = new double[m.resources().size()][m.subnets().size()];
        for (int j = 0; j < m.resources().size(); j++) {
            for (int i = 0; i < m.subnets().size(); i++) {
                ExperimentOutput.MetricSummary c = m.cells().get(i).get(j);
                mean[j][i] = c == null ? Double.NaN : c.mean();
                half[j][i] = c == null ? Double.NaN : c.halfWidth();
            }
        }
        String title = (cell.label().isBlank() ? "Where the hardware goes" : cell.label())
                + (src.points().size() > 1 ? " · " + pointLabel(p.scenario(), p.parameters()) : "");
        ObjectNode o = ChartOptions.heatmap(title, "share of the network's resource", "resource", m.resources(), "subnet",
                m.subnets(), mean, half);
        o.with("visualMap").put("min", 0).put("max", 1);
        o.with("yAxis").put("inverse", true); // the first subnet on top, as in the results' matrix view
        return o;
    }

    private static ObjectNode sweep(ExperimentResults r, String metric, String title) {
        ExperimentPlan plan = r.plan();
        List<ExperimentSpec.Axis> axes = plan.spec().axes();
        int scenarios = plan.spec().scenarios().size();
        int per = r.points().size() / scenarios;
        if (axes.size() >= 2 && plan.spec().combine() == ExperimentSpec.Combine.GRID) {
            List<JsonNode> xv = plan.axisValues().get(0);
            List<JsonNode> yv = plan.axisValues().get(1);
            double[][] mean = new double[xv.size()][yv.size()];
            double[][] half = new double[xv.size()][yv.size()];
            for (double[] row : mean) {
                Arrays.fill(row, Double.NaN);
            }
            for (double[] row : half) {
                Arrays.fill(row, Double.NaN);
            }
            for (int i = 0; i < per; i++) {
                PointSummary p = r.points().get(i);
                List<JsonNode> vals = new ArrayList<>(p.point().assignments().values());
                boolean restAtFirst = true;
                for (int k = 2; k < vals.size(); k++) {
                    restAtFirst &= vals.get(k).equals(plan.axisValues().get(k).get(0));
                }
                MetricStats m = p.metrics().get(metric);
                if (restAtFirst && m != null) {
                    int x = xv.indexOf(vals.get(0));
                    int y = yv.indexOf(vals.get(1));
                    mean[x][y] = m.mean();
                    half[x][y] = (m.ci95High() - m.ci95Low()) / 2;
                }
            }
            String t = title + (scenarios > 1 ? " · " + plan.spec().scenarios().get(0).label() : "");
            return ChartOptions.heatmap(t, MetricLabels.of(metric), shortPath(axes.get(0).path()), text(xv), shortPath(axes.get(1).path()),
                    text(yv), mean, half);
        }
        List<String> xs = new ArrayList<>();
        List<ChartOptions.Band> lines = new ArrayList<>();
        String axisName;
        if (axes.isEmpty()) {
            axisName = "scenario";
            ChartOptions.Band b = band(metric, r.points(), 0, r.points().size(), "mean");
            r.points().forEach(p -> xs.add(p.point().scenarioLabel()));
            lines.add(b);
        } else {
            axisName = axes.size() == 1 ? shortPath(axes.get(0).path()) : "point";
            for (int i = 0; i < per; i++) {
                ExperimentPoint p = r.points().get(i).point();
                xs.add(axes.size() == 1 ? text(List.of(p.assignments().values().iterator().next())).get(0)
                        : pointLabel("", p.assignments().entrySet().stream().collect(LinkedHashMap::new,
                                (m, e) -> m.put(e.getKey(), text(List.of(e.getValue())).get(0)), Map::putAll)));
            }
            for (int s = 0; s < scenarios; s++) {
                lines.add(band(metric, r.points(), s * per, per, plan.spec().scenarios().get(s).label()));
            }
        }
        return ChartOptions.sweepLine(title, MetricLabels.of(metric), axisName, xs, lines);
    }

    private static ChartOptions.Band band(String metric, List<PointSummary> points, int from, int count, String name) {
        double[] mean = new double[count];
        double[] lo = new double[count];
        double[] hi = new double[count];
        for (int i = 0; i < count; i++) {
            MetricStats m = points.get(from + i).metrics().get(metric);
            mean[i] = m == null ? Double.NaN : m.mean();
            lo[i] = m == null ? Double.NaN : m.ci95Low();
            hi[i] = m == null ? Double.NaN : m.ci95High();
        }
        return new ChartOptions.Band(name, mean, lo, hi);
    }

    /** Axis values as labels: text as is, numbers to 4 significant digits (a range's 1.6666666666666667 is 1.667). */
    private static List<String> text(List<JsonNode> values) {
        return values.stream().map(v -> v.isTextual() ? v.textValue()
                : v.isIntegralNumber() ? v.toString() : v.isNumber() ? ChartOptions.sig(v.asDouble(), 4) : v.toString()).toList();
    }

    private static String label(ExperimentPoint p) {
        Map<String, String> params = new LinkedHashMap<>();
        p.assignments().forEach((k, v) -> params.put(k, v.isTextual() ? v.textValue() : v.toString()));
        return pointLabel(p.scenarioLabel(), params);
    }

    private static double low(MetricStats s) {
        return s == null ? Double.NaN : s.ci95Low();
    }

    private static double high(MetricStats s) {
        return s == null ? Double.NaN : s.ci95High();
    }

    /** Optional access for views: the source output of an analysis cell, if its experiment has run. */
    public static Optional<ExperimentOutput> sourceOutput(Map<String, CellOutput> outputs, String experimentCellId) {
        return outputs.get(experimentCellId) instanceof ExperimentOutput o ? Optional.of(o) : Optional.empty();
    }
}
