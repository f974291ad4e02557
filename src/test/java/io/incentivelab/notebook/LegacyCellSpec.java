package io.incentivelab.notebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.experiment.ExperimentSpec;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.AxisKind;
import io.incentivelab.experiment.SpecProblem;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notebook → experiment route before the typed boundary, kept only as the reference the typed route is
 * compared with: the cell written as experiment JSON (read back by {@code ExperimentSpecCodec}), and the spec
 * problems' paths rewritten by a regex.
 */
final class LegacyCellSpec {

    private LegacyCellSpec() {
    }

    /** The experiment spec (JSON) a cell stands for; scenarios are inlined from their cells. */
    static ObjectNode spec(NotebookDocument document, ExperimentCell cell) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode spec = f.objectNode();
        spec.put("schemaVersion", 1);
        spec.put("name", cell.label().isBlank() ? document.title() : cell.label());
        ArrayNode scenarios = spec.putArray("scenarios");
        Set<String> labels = new LinkedHashSet<>();
        for (String id : cell.scenarioCellIds()) {
            document.cell(id).filter(ScenarioCell.class::isInstance).map(ScenarioCell.class::cast).ifPresent(sc -> {
                String label = sc.displayName();
                int n = 2;
                while (!labels.add(label)) {
                    label = sc.displayName() + " (" + n++ + ")";
                }
                ObjectNode entry = scenarios.addObject();
                entry.put("label", label);
                entry.set("scenario", NotebookRuns.fullForm(sc.scenario()));
            });
        }
        if (cell.sensitivity()) {
            // a sensitivity study: the axes are its parameters, each over [From, To]
            ObjectNode st = spec.putObject("sensitivity");
            st.put("method", cell.designName());
            st.put("metric", cell.metric());
            st.put("samples", cell.samples());
            ArrayNode params = st.putArray("parameters");
            for (Axis a : cell.axes()) {
                ObjectNode p = params.addObject();
                p.put("path", a.path());
                if (a.from() != null) {
                    p.put("from", a.from());
                }
                if (a.to() != null) {
                    p.put("to", a.to());
                }
                if (a.integer()) {
                    p.put("integer", true);
                }
            }
            spec.put("replicates", cell.replicates());
            spec.put("baseSeed", cell.seed());
            return spec;
        }
        ObjectNode sweep = spec.putObject("sweep");
        sweep.put("combine", cell.designName());
        ArrayNode axes = sweep.putArray("axes");
        for (Axis a : cell.axes()) {
            ObjectNode ax = axes.addObject();
            ax.put("path", a.path());
            ax.put("kind", a.kind().name());
            if (a.kind() == ExperimentSpec.AxisKind.LIST) {
                ArrayNode vs = ax.putArray("values");
                a.values().forEach(vs::add);
            } else {
                if (a.from() != null) {
                    ax.put("from", a.from());
                }
                if (a.to() != null) {
                    ax.put("to", a.to());
                }
                if (a.count() != null) {
                    ax.put(a.kind() == ExperimentSpec.AxisKind.RANGE ? "steps" : "n", a.count());
                }
                ax.put("integer", a.integer());
            }
        }
        spec.put("replicates", cell.replicates());
        spec.put("baseSeed", cell.seed());
        return spec;
    }

    /** A spec problem with its path rewritten into the notebook's terms (scenario label, axis number). */
    static NotebookProblem readable(NotebookDocument document, ExperimentCell cell, SpecProblem p) {
        String path = p.path();
        Matcher m = Pattern.compile("^\\$\\.scenarios\\[(\\d+)\\](?:\\.scenario)?(.*)$")
                .matcher(path);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            String name = i < cell.scenarioCellIds().size()
                    ? document.cell(cell.scenarioCellIds().get(i)).map(c -> c instanceof ScenarioCell s ? s.displayName() : c.id())
                            .orElse("#" + (i + 1))
                    : "#" + (i + 1);
            return new NotebookProblem("scenario \"" + name + "\" $" + m.group(2), p.message());
        }
        return new NotebookProblem(path.replace("$.sweep.axes", "axes").replace("$.baseSeed", "seed")
                .replace("$.replicates", "replicates"), p.message());
    }
}
