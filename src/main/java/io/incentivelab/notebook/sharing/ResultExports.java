package io.incentivelab.notebook.sharing;

import io.incentivelab.experiment.ExperimentService;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.ExperimentOutput.MetricSummary;
import io.incentivelab.notebook.ExperimentOutput.PointResult;
import io.incentivelab.notebook.NotebookCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Downloads of an experiment cell's results. The summary CSV and JSON come from the cell's stored output, so
 * a snapshot's downloads are as frozen as its page; the per-run CSV comes from the experiment store
 * ({@link ExperimentService#writeRunsCsv}) while that experiment is still held by this server.
 */
@Service
public class ResultExports {

    private final ExperimentService experiments;

    ResultExports(ExperimentService experiments) {
        this.experiments = experiments;
    }

    /** One row per sweep point and metric: scenario, swept values, n, mean, 95% CI. */
    public static String summaryCsv(ExperimentOutput o) {
        List<String> params = o.points().stream().flatMap(p -> p.parameters().keySet().stream()).distinct().toList();
        StringBuilder b = new StringBuilder("scenario");
        params.forEach(p -> b.append(',').append(csv(p)));
        b.append(",metric,n,mean,ci95_low,ci95_high\n");
        for (PointResult p : o.points()) {
            for (String m : o.metrics()) {
                MetricSummary s = p.metrics().get(m);
                if (s == null) {
                    continue;
                }
                b.append(csv(p.scenario()));
                params.forEach(k -> b.append(',').append(csv(p.parameters().getOrDefault(k, ""))));
                b.append(',').append(csv(m)).append(',').append(s.n()).append(',').append(num(s.mean())).append(',')
                        .append(num(s.ci95Low())).append(',').append(num(s.ci95High())).append('\n');
            }
        }
        return b.toString();
    }

    /** The stored output as JSON (the notebook file's {@code outputs} entry). */
    public static String summaryJson(ExperimentOutput o) {
        return NotebookCodec.writeOutput(o);
    }

    /** Every run's seed, scenario hash, engine and metrics, if the experiment is still stored here. */
    public Optional<String> runsCsv(String experimentId) {
        if (experimentId == null) {
            return Optional.empty();
        }
        try {
            StringWriter w = new StringWriter();
            return experiments.writeRunsCsv(experimentId, w) ? Optional.of(w.toString()) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%s", v);
    }

    /** A CSV field; quoted when needed, and a leading =,+,-,@ neutralised so spreadsheets do not run it. */
    static String csv(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.eE+-]+")) {
            v = "'" + v;
        }
        return v.matches(".*[\",\\n\\r].*") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
