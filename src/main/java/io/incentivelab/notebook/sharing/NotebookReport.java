package io.incentivelab.notebook.sharing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.AxisKind;
import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.CellOutput;
import io.incentivelab.notebook.ChartCell;
import io.incentivelab.notebook.ChartOutput;
import io.incentivelab.notebook.CompareCell;
import io.incentivelab.notebook.CompareOutput;
import io.incentivelab.notebook.CompareSummaries;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.ExperimentOutput.MetricSummary;
import io.incentivelab.notebook.ExperimentOutput.PointResult;
import io.incentivelab.notebook.Markdown;
import io.incentivelab.notebook.MetricLabels;
import io.incentivelab.notebook.NoteCell;
import io.incentivelab.notebook.NotebookAnalysis;
import io.incentivelab.notebook.NotebookCodec;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.NotebookFile;
import io.incentivelab.notebook.ResourceMatrix;
import io.incentivelab.notebook.ResultWarnings;
import io.incentivelab.notebook.ScenarioCell;
import io.incentivelab.simulation.FlatKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * A notebook as static HTML: prose, scenarios (as JSON), experiment parameters, seeds and results tables.
 * The same fragment is shown on a share link's page and saved as a standalone report that opens offline
 * (inline CSS, no script, no external resource). Everything the author wrote is escaped, except notes,
 * which go through {@link Markdown#toSafeHtml} (CommonMark with HTML escaped, then a jsoup safelist).
 */
public final class NotebookReport {

    /** Concentration metrics shown first in a results table. */
    static final List<String> FIRST = List.of("giniEmission", "top1Share", "nakamotoEmission", "hhiEmission",
            "crossSubnetHhi");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String STYLE = """
            body{font:15px/1.5 system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#1a1a1a}
            section.cell{border-top:1px solid #ddd;padding:.5em 0}
            table{border-collapse:collapse;font-size:13px;margin:.5em 0}
            th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}
            pre{background:#f6f6f6;padding:.5em;overflow:auto;max-height:30em;font-size:12px}
            .meta{color:#555;font-size:13px}
            code.metric-key{color:#777;font-size:11px;font-weight:normal}
            table.resource-matrix{display:inline-table;margin-right:1em}
            table.resource-matrix caption{text-align:left;font-size:12px;color:#555}
            .result-warnings{background:#fff4e0;border-left:3px solid #c77700;padding:.3em .3em .3em 1.5em;color:#5a3500}
            """;

    private NotebookReport() {
    }

    /**
     * A standalone HTML page.
     *
     * @param subtitle a line under the title (where the report comes from); escaped
     */
    public static String page(NotebookFile file, String subtitle, Map<String, Long> seeds, Map<String, String> scenarioHashes) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                + "<title>" + esc(file.document().title()) + "</title><style>" + STYLE + "</style></head><body>\n"
                + "<h1>" + esc(file.document().title()) + "</h1>\n<p class=\"meta\">" + esc(subtitle) + "</p>\n"
                + body(file, seeds, scenarioHashes) + "</body></html>\n";
    }

    /** The cells as an HTML fragment (one {@code section.cell} each). */
    public static String body(NotebookFile file, Map<String, Long> seeds, Map<String, String> scenarioHashes) {
        StringBuilder b = new StringBuilder();
        for (Cell cell : file.document().cells()) {
            b.append("<section class=\"cell cell-").append(cell.type().name().toLowerCase(Locale.ROOT))
                    .append("\" data-cell-id=\"").append(esc(cell.id())).append("\">");
            CellOutput out = file.outputs().get(cell.id());
            if (cell instanceof NoteCell n) {
                b.append("<div class=\"note\">").append(Markdown.toSafeHtml(n.markdown())).append("</div>");
            } else if (cell instanceof ScenarioCell s) {
                scenario(b, s, scenarioHashes.get(s.id()));
            } else if (cell instanceof ExperimentCell e) {
                experiment(b, file, e, seeds.getOrDefault(e.id(), e.seed()), out);
            } else if (cell instanceof ChartCell c) {
                chart(b, c, out);
            } else if (cell instanceof CompareCell c) {
                compare(b, c, out);
            } else {
                other(b, cell, out);
            }
            b.append("</section>\n");
        }
        return b.toString();
    }

    private static void scenario(StringBuilder b, ScenarioCell s, String hash) {
        b.append("<h2>Scenario: ").append(esc(s.displayName())).append("</h2>");
        if (hash != null) {
            b.append("<p class=\"meta\">Scenario hash <code>").append(esc(hash)).append("</code></p>");
        }
        b.append("<details><summary>Scenario JSON</summary><pre class=\"scenario-json\">")
                .append(esc(s.scenario().toPrettyString())).append("</pre></details>");
    }

    private static void experiment(StringBuilder b, NotebookFile file, ExperimentCell e, long seed, CellOutput out) {
        b.append("<h2>Experiment: ").append(esc(e.label().isBlank() ? e.id() : e.label())).append("</h2>");
        List<String> scenarios = e.scenarioCellIds().stream().map(id -> file.document().cell(id)
                .filter(ScenarioCell.class::isInstance).map(c -> ((ScenarioCell) c).displayName()).orElse(id)).toList();
        b.append("<table class=\"parameters\"><tr><th>Scenarios</th><td>").append(esc(String.join(", ", scenarios)))
                .append("</td></tr><tr><th>Replicates</th><td>").append(e.replicates())
                .append("</td></tr><tr><th>Base seed</th><td class=\"seed\">").append(seed)
                .append("</td></tr><tr><th>Combine</th><td>").append(esc(e.designName())).append("</td></tr>");
        for (Axis a : e.axes()) {
            b.append("<tr><th>Axis ").append(esc(a.path())).append("</th><td>").append(esc(axis(a))).append("</td></tr>");
        }
        b.append("</table>");
        if (out instanceof ExperimentOutput o) {
            List<ResultWarnings.Warning> warnings = ResultWarnings.of(o, ResultWarnings.minerShares(file.document().scenarioCells()));
            if (!warnings.isEmpty()) {
                b.append("<ul class=\"result-warnings\">");
                warnings.forEach(w -> b.append("<li>⚠ ").append(esc(w.text())).append("</li>"));
                b.append("</ul>");
            }
            results(b, o);
        } else if (out != null) {
            other(b, null, out);
        } else {
            b.append("<p class=\"meta\">Not run yet.</p>");
        }
    }

    private static void chart(StringBuilder b, ChartCell c, CellOutput out) {
        b.append("<h2>Chart: ").append(esc(c.label().isBlank() ? MetricLabels.of(c.metric()) : c.label())).append("</h2>")
                .append("<p class=\"meta\">").append(esc(c.kind().toLowerCase(Locale.ROOT).replace('_', ' ')))
                .append(" of ").append(esc(c.metric())).append(" from experiment cell ").append(esc(c.experimentCellId()))
                .append("</p>");
        if (out instanceof ChartOutput o) {
            b.append(ChartSvg.render(o.option()));
        } else if (out != null) {
            other(b, null, out);
        } else {
            b.append("<p class=\"meta\">Not drawn yet.</p>");
        }
    }

    private static void compare(StringBuilder b, CompareCell c, CellOutput out) {
        b.append("<h2>Compare: ").append(esc(compareTitle(c, out))).append("</h2>");
        if (!(out instanceof CompareOutput o)) {
            b.append(out == null ? "<p class=\"meta\">Not computed yet.</p>" : "");
            if (out != null) {
                other(b, null, out);
            }
            return;
        }
        b.append("<p class=\"meta\">A: ").append(esc(o.labelA())).append(" · B: ").append(esc(o.labelB()))
                .append(". Means ± 95% CI half-width (n); p-values two-sided.</p>");
        b.append("<table class=\"comparison\"><thead><tr><th>Metric</th><th>A</th><th>B</th><th>A − B</th>"
                + "<th>Welch p</th><th>Mann–Whitney p</th><th>Hedges g</th></tr></thead><tbody>");
        for (CompareOutput.Row r : o.rows()) {
            b.append("<tr><td>").append(esc(MetricLabels.of(r.metric())));
            if (!MetricLabels.of(r.metric()).equals(r.metric())) {
                b.append("<br><code class=\"metric-key\">").append(esc(r.metric())).append("</code>");
            }
            b.append("</td><td class=\"metric-value\">")
                    .append(esc(cell(new MetricSummary(r.nA(), r.meanA(), r.lowA(), r.highA()))))
                    .append("</td><td class=\"metric-value\">")
                    .append(esc(cell(new MetricSummary(r.nB(), r.meanB(), r.lowB(), r.highB()))))
                    .append("</td><td>").append(esc(num(r.difference()))).append("</td><td>")
                    .append(esc(CompareSummaries.welch(r))).append("</td><td>").append(esc(CompareSummaries.mannWhitney(r)))
                    .append("</td><td>").append(esc(CompareSummaries.hedges(r))).append("</td></tr>");
        }
        b.append("</tbody></table>");
        if (!o.parameters().isEmpty()) {
            b.append("<table class=\"parameter-diff\"><thead><tr><th>Parameter</th><th>A</th><th>B</th></tr></thead><tbody>");
            for (CompareOutput.ParameterDiff d : o.parameters()) {
                b.append("<tr><td>").append(esc(d.path())).append("</td><td>").append(esc(d.a())).append("</td><td>")
                        .append(esc(d.b())).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
    }

    /** A compare cell's title: its heading, else what it compares ("A vs B"), else "two points". */
    static String compareTitle(CompareCell c, CellOutput out) {
        if (!c.label().isBlank()) {
            return c.label();
        }
        return out instanceof CompareOutput o ? o.labelA() + " vs " + o.labelB() : "two points";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : format(v);
    }

    private static String axis(Axis a) {
        if (a.kind() == AxisKind.LIST) {
            return "LIST " + a.values();
        }
        return a.kind() + " from " + a.from() + " to " + a.to() + (a.count() == null ? "" : ", " + a.count())
                + (a.integer() ? ", integers" : "");
    }

    private static void results(StringBuilder b, ExperimentOutput o) {
        b.append("<p class=\"meta results-summary\">Results: ").append(esc(o.status().toLowerCase(Locale.ROOT)))
                .append(", ").append(o.doneRuns()).append(" / ").append(o.totalRuns()).append(" runs")
                .append(o.failedRuns() > 0 ? " (" + o.failedRuns() + " failed)" : "")
                .append(o.finishedAt() == null ? "" : ", " + esc(WHEN.format(o.finishedAt())))
                .append(o.engine() == null ? "" : ", engine " + esc(o.engine()))
                .append(o.inputHash() == null ? "" : ", inputs " + esc(o.inputHash()))
                .append(". Each cell: mean ± 95% CI half-width (n).</p>");
        List<String> shown = shownMetrics(o.metrics());
        table(b, o, shown, "results");
        matrices(b, o);
        if (shown.size() < o.metrics().size()) {
            b.append("<details><summary>All ").append(o.metrics().size()).append(" metrics</summary>");
            table(b, o, o.metrics(), "all-metrics");
            b.append("</details>");
        }
    }

    private static void table(StringBuilder b, ExperimentOutput o, List<String> metrics, String cls) {
        List<String> params = o.points().stream().flatMap(p -> p.parameters().keySet().stream()).distinct().toList();
        // the swept parameters first: they are what the rows differ by
        b.append("<table class=\"").append(cls).append("\"><thead><tr>");
        params.forEach(p -> b.append("<th class=\"swept\">").append(esc(p.replaceFirst("^\\$\\.", ""))).append("</th>"));
        boolean scenarios = o.points().stream().map(PointResult::scenario).distinct().count() > 1; // as in the app
        if (scenarios) {
            b.append("<th>Scenario</th>");
        }
        metrics.forEach(m -> {
            String label = MetricLabels.of(m);
            b.append("<th title=\"").append(esc(m)).append("\">").append(esc(label));
            if (!label.equals(m)) {
                b.append("<br><code class=\"metric-key\">").append(esc(m)).append("</code>");
            }
            b.append("</th>");
        });
        b.append("</tr></thead><tbody>");
        for (PointResult p : o.points()) {
            b.append("<tr>");
            params.forEach(k -> b.append("<td class=\"swept\">").append(esc(p.parameters().getOrDefault(k, ""))).append("</td>"));
            if (scenarios) {
                b.append("<td>").append(esc(p.scenario())).append("</td>");
            }
            metrics.forEach(m -> b.append("<td class=\"metric-value\">").append(esc(cell(p.metrics().get(m)))).append("</td>"));
            b.append("</tr>");
        }
        b.append("</tbody></table>");
    }

    /** Matrices shown in a report at most (one per sweep point). */
    static final int MAX_MATRICES = 6;

    /** Where the hardware goes: the subnet × resource matrix of each point (the first {@link #MAX_MATRICES}). */
    private static void matrices(StringBuilder b, ExperimentOutput o) {
        if (!ResourceMatrix.available(o.metrics())) {
            return;
        }
        List<String> names = NotebookAnalysis.pointLabels(o);
        b.append("<div class=\"resource-matrices\"><p class=\"meta\">Where the hardware goes: each subnet's share of the "
                + "network's compute, storage and quality (last-quarter means), mean ± 95% CI half-width (n); each column "
                + "sums to 1.").append(o.points().size() > MAX_MATRICES ? " The first " + MAX_MATRICES + " of "
                + o.points().size() + " points." : "").append("</p>");
        for (int i = 0; i < Math.min(MAX_MATRICES, o.points().size()); i++) {
            ResourceMatrix m = ResourceMatrix.of(o.points().get(i).metrics()).orElse(null);
            if (m == null) {
                continue;
            }
            b.append("<table class=\"resource-matrix\"><caption>").append(esc(names.get(i))).append("</caption><tr><th>Subnet</th>");
            m.resources().forEach(r -> b.append("<th>share of ").append(esc(r)).append("</th>"));
            b.append("</tr>");
            for (int r = 0; r < m.subnets().size(); r++) {
                b.append("<tr><th>").append(esc(m.subnets().get(r))).append("</th>");
                m.cells().get(r).forEach(c -> b.append("<td class=\"metric-value\">").append(esc(cell(c))).append("</td>"));
                b.append("</tr>");
            }
            b.append("</table>");
        }
        b.append("</div>");
    }

    static List<String> shownMetrics(List<String> all) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String key : FIRST) {
            all.stream().filter(m -> m.equals(key)
                    || FlatKey.tryParse(m).filter(k -> !k.finalValue() && k.key().equals(key)).isPresent())
                    .forEach(chosen::add);
        }
        List<String> list = new ArrayList<>(chosen.isEmpty() ? all : chosen);
        return list.subList(0, Math.min(8, list.size()));
    }

    private static void other(StringBuilder b, Cell cell, CellOutput out) {
        if (cell != null) {
            b.append("<h2>").append(esc(cell.type().name().charAt(0) + cell.type().name().substring(1).toLowerCase(Locale.ROOT)))
                    .append("</h2><details><summary>Cell</summary><pre>").append(esc(cellJson(cell)))
                    .append("</pre></details>");
        }
        if (out != null) {
            b.append("<details open><summary>Output (").append(esc(out.kind())).append(")</summary><pre>")
                    .append(esc(json(NotebookCodec.writeOutput(out)))).append("</pre></details>");
        }
    }

    private static String cellJson(Cell cell) {
        String doc = NotebookCodec.writeDocument(new NotebookDocument(NotebookDocument.FORMAT_VERSION, "", List.of(cell)));
        try {
            return MAPPER.readTree(doc).path("cells").path(0).toPrettyString();
        } catch (JsonProcessingException e) {
            return doc;
        }
    }

    private static String json(String raw) {
        try {
            return MAPPER.readTree(raw).toPrettyString();
        } catch (JsonProcessingException e) {
            return raw;
        }
    }

    /** "0.412 ± 0.031 (5)"; "–" where undefined. */
    static String cell(MetricSummary s) {
        return s == null ? "–" : s.text();
    }

    static String format(double v) {
        return MetricSummary.number(v);
    }

    /** Escapes text for HTML content and double-quoted attributes. */
    static String esc(String s) {
        return s == null ? "" : Entities.escape(s).replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** When, for a subtitle. */
    public static String when(Instant t) {
        return WHEN.format(t);
    }
}
