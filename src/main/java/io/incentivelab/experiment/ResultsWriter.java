package io.incentivelab.experiment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes results in the formats the CLI and the API share, so the same experiment gives the same bytes
 * from both: {@code runs.csv} (one row per run), {@code summary.csv} (one row per point and metric) and the
 * results JSON. Numbers use Java's shortest round-trip form; undefined values are empty in CSV and null in JSON.
 */
public final class ResultsWriter {

    private ResultsWriter() {
    }

    /** One row per run: identity, seed, status, axis values, then every metric (union, first-seen order). */
    public static void runsCsv(ExperimentPlan plan, ResultAggregator.RunSource runs, Writer out) throws IOException {
        Set<String> metrics = new LinkedHashSet<>();
        runs.forEach(r -> metrics.addAll(r.metrics().keySet()));
        List<String> axes = plan.spec().axes().stream().map(ExperimentSpec.Axis::path).toList();
        StringBuilder header = new StringBuilder("runIndex,pointIndex,scenario,replicate,seed,status,error,scenarioHash,engineVersion");
        axes.forEach(a -> header.append(',').append(csv(a)));
        metrics.forEach(m -> header.append(',').append(csv(m)));
        out.write(header.append('\n').toString());
        IOException[] failure = {null};
        runs.forEach(r -> {
            if (failure[0] != null) {
                return;
            }
            ExperimentPoint p = plan.point(r.run().pointIndex());
            StringBuilder b = new StringBuilder();
            b.append(r.run().runIndex()).append(',').append(p.pointIndex()).append(',').append(csv(p.scenarioLabel())).append(',')
                    .append(r.run().replicate()).append(',').append(r.run().seed()).append(',').append(r.status()).append(',')
                    .append(csv(r.error())).append(',').append(csv(r.scenarioHash())).append(',').append(csv(r.engineVersion()));
            p.assignments().values().forEach(v -> b.append(',').append(csv(v.isTextual() ? v.asText() : v.toString())));
            for (String m : metrics) {
                Double v = r.metrics().get(m);
                b.append(',').append(v == null ? "" : number(v));
            }
            try {
                out.write(b.append('\n').toString());
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** One row per (point, metric) with the statistics of {@link MetricStats}. */
    public static void summaryCsv(ExperimentPlan plan, List<PointSummary> points, Writer out) throws IOException {
        List<String> axes = plan.spec().axes().stream().map(ExperimentSpec.Axis::path).toList();
        StringBuilder header = new StringBuilder("pointIndex,scenario");
        axes.forEach(a -> header.append(',').append(csv(a)));
        header.append(",runs,succeeded,failed,metric");
        MetricStats.COLUMNS.forEach(c -> header.append(',').append(c));
        out.write(header.append('\n').toString());
        for (PointSummary p : points) {
            StringBuilder prefix = new StringBuilder();
            prefix.append(p.point().pointIndex()).append(',').append(csv(p.point().scenarioLabel()));
            p.point().assignments().values().forEach(v -> prefix.append(',').append(csv(v.isTextual() ? v.asText() : v.toString())));
            prefix.append(',').append(p.runs()).append(',').append(p.succeeded()).append(',').append(p.failed());
            for (Map.Entry<String, MetricStats> e : p.metrics().entrySet()) {
                StringBuilder b = new StringBuilder(prefix).append(',').append(csv(e.getKey()));
                MetricStats s = e.getValue();
                b.append(',').append(s.n());
                double[] v = s.values();
                for (int i = 1; i < v.length; i++) {
                    b.append(',').append(Double.isFinite(v[i]) ? number(v[i]) : "");
                }
                out.write(b.append('\n').toString());
            }
        }
    }

    /**
     * The results document: {@code experiment} (name, seed, sizes, axes), {@code status} when given, {@code points}
     * with per-metric statistics, and {@code runs} when given.
     */
    public static void json(ExperimentPlan plan, ExperimentProgress status, List<PointSummary> points,
            ResultAggregator.RunSource runs, Writer out) throws IOException {
        try (JsonGenerator g = ExperimentSpecCodec.MAPPER.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            if (status != null) {
                g.writeObjectFieldStart("status");
                writeStatus(g, status);
                g.writeEndObject();
            }
            g.writeObjectFieldStart("experiment");
            g.writeStringField("name", plan.spec().name());
            g.writeNumberField("baseSeed", plan.spec().baseSeed());
            g.writeNumberField("points", plan.points());
            g.writeNumberField("replicates", plan.spec().replicates());
            g.writeNumberField("runs", plan.runs());
            g.writeArrayFieldStart("axes");
            for (ExperimentSpec.Axis a : plan.spec().axes()) {
                g.writeString(a.path());
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("points");
            for (PointSummary p : points) {
                g.writeStartObject();
                g.writeNumberField("pointIndex", p.point().pointIndex());
                g.writeStringField("scenario", p.point().scenarioLabel());
                g.writeObjectFieldStart("values");
                for (Map.Entry<String, JsonNode> e : p.point().assignments().entrySet()) {
                    g.writeFieldName(e.getKey());
                    g.writeTree(e.getValue());
                }
                g.writeEndObject();
                g.writeNumberField("runs", p.runs());
                g.writeNumberField("succeeded", p.succeeded());
                g.writeNumberField("failed", p.failed());
                g.writeObjectFieldStart("metrics");
                for (Map.Entry<String, MetricStats> e : p.metrics().entrySet()) {
                    g.writeObjectFieldStart(e.getKey());
                    double[] v = e.getValue().values();
                    g.writeNumberField("n", e.getValue().n());
                    for (int i = 1; i < v.length; i++) {
                        g.writeFieldName(MetricStats.COLUMNS.get(i));
                        writeNumber(g, v[i]);
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (runs != null) {
                g.writeArrayFieldStart("runs");
                IOException[] failure = {null};
                runs.forEach(r -> {
                    if (failure[0] != null) {
                        return;
                    }
                    try {
                        g.writeStartObject();
                        g.writeNumberField("runIndex", r.run().runIndex());
                        g.writeNumberField("pointIndex", r.run().pointIndex());
                        g.writeNumberField("replicate", r.run().replicate());
                        g.writeNumberField("seed", r.run().seed());
                        g.writeStringField("status", r.status().name());
                        if (r.error() != null) {
                            g.writeStringField("error", r.error());
                        }
                        if (r.scenarioHash() != null) {
                            g.writeStringField("scenarioHash", r.scenarioHash());
                        }
                        if (r.engineVersion() != null) {
                            g.writeStringField("engineVersion", r.engineVersion());
                        }
                        g.writeObjectFieldStart("metrics");
                        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
                            g.writeFieldName(e.getKey());
                            writeNumber(g, e.getValue());
                        }
                        g.writeEndObject();
                        g.writeEndObject();
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                });
                if (failure[0] != null) {
                    throw failure[0];
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    static void writeStatus(JsonGenerator g, ExperimentProgress s) throws IOException {
        g.writeStringField("id", s.id());
        g.writeStringField("name", s.name());
        g.writeStringField("status", s.status().name());
        g.writeNumberField("total", s.total());
        g.writeNumberField("done", s.done());
        g.writeNumberField("failed", s.failed());
        if (s.etaSeconds() == null) {
            g.writeNullField("etaSeconds");
        } else {
            g.writeNumberField("etaSeconds", s.etaSeconds());
        }
        if (s.message() != null) {
            g.writeStringField("message", s.message());
        }
    }

    private static void writeNumber(JsonGenerator g, Double v) throws IOException {
        if (v == null || !Double.isFinite(v)) {
            g.writeNull();
        } else {
            g.writeNumber(v);
        }
    }

    static String number(double v) {
        return Double.toString(v);
    }

    static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
