package io.incentivelab.notebook.ui;

import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.CellType;
import io.incentivelab.notebook.ChartCell;
import io.incentivelab.notebook.CompareCell;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.NotebookDocument;
import java.util.List;
import java.util.Optional;

/** New chart and compare cells (on the last experiment cell) and their editors. */
final class AnalysisCells {

    private AnalysisCells() {
    }

    static Cell newCell(CellType type, String id, NotebookDocument document) {
        List<ExperimentCell> experiments = document.cells().stream().filter(ExperimentCell.class::isInstance)
                .map(ExperimentCell.class::cast).toList();
        String source = experiments.isEmpty() ? "" : experiments.get(experiments.size() - 1).id();
        return switch (type) {
            case CHART -> new ChartCell(id, "", source, "SWEEP", "", List.of());
            case COMPARE -> new CompareCell(id, "", source, 0, 1, "");
            default -> throw new IllegalArgumentException("not an analysis cell: " + type);
        };
    }

    static Optional<CellEditor<?>> editorFor(Cell cell) {
        if (cell instanceof ChartCell c) {
            return Optional.of(new ChartCellEditor(c));
        }
        if (cell instanceof CompareCell c) {
            return Optional.of(new CompareCellEditor(c));
        }
        return Optional.empty();
    }
}
