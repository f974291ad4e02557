package io.incentivelab.notebook.sharing.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.NotebookFile;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.sharing.ResultExports;
import java.util.function.Supplier;

/** Download links for each experiment cell that has results: summary CSV, JSON, and (if given) per-run CSV. */
class ResultDownloads extends Div {

    ResultDownloads(Supplier<NotebookFile> file, ResultExports runs) {
        addClassName("result-downloads");
        NotebookFile f = file.get();
        String base = NotebookService.fileName(f.document().title()).replace(".notebook.json", "");
        for (Cell c : f.document().cells()) {
            if (!(c instanceof ExperimentCell e) || !(f.outputs().get(e.id()) instanceof ExperimentOutput)) {
                continue;
            }
            String name = base + "-" + e.id();
            Supplier<ExperimentOutput> out = () -> (ExperimentOutput) file.get().outputs().get(e.id());
            Div row = new Div(new Span((e.label().isBlank() ? e.id() : e.label()) + ": "),
                    SnapshotView.download("results CSV", name + ".csv", "text/csv", () -> out.get() == null ? ""
                            : ResultExports.summaryCsv(out.get())),
                    new Span(" · "),
                    SnapshotView.download("results JSON", name + ".json", "application/json", () -> out.get() == null
                            ? "{}" : ResultExports.summaryJson(out.get())));
            String experimentId = ((ExperimentOutput) f.outputs().get(e.id())).experimentId();
            if (runs != null && runs.runsCsv(experimentId).isPresent()) {
                row.add(new Span(" · "), SnapshotView.download("runs CSV (seeds)", name + "-runs.csv", "text/csv",
                        () -> runs.runsCsv(experimentId).orElse("")));
            }
            row.addClassName("result-download");
            add(row);
        }
        setVisible(getComponentCount() > 0);
    }
}
