package io.incentivelab.notebook.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.CellType;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.NoteCell;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.ScenarioCell;
import io.incentivelab.scenario.ScenarioCodec;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/** Makes new cells of each kind (with sensible starting inputs) and the editor for a cell. */
class CellEditors {

    /**
     * A small starting scenario that runs in seconds: one speed subnet over five days, with operators' economics
     * on (costs, entry, exit, reinvestment; a few arrivals a day, some adaptive operators), so that where the
     * hardware goes comes from the incentive (issue 20).
     */
    static final String NEW_SCENARIO = """
            {"schemaVersion": 1, "name": "my-scenario", "description": "",
             "network": {"horizonDays": 5, "sampleEveryEpochs": 10},
             "economics": {"enabled": true, "arrivalsPerDay": 10, "strategies": {"specialist": 0.8, "adaptive": 0.2}},
             "subnets": [{"name": "speed", "metric": "SPEED", "miners": {"operators": 32}, "validators": {"count": 8}}]}""";

    private static final SecureRandom SEEDS = new SecureRandom();
    private final Map<String, String> presets;

    /** @param presets the example scenarios a scenario cell may start from: display name → JSON, in order */
    CellEditors(Map<String, String> presets) {
        this.presets = presets;
    }

    /** The kinds the add bar offers, in order. */
    List<CellType> addableTypes() {
        return List.of(CellType.NOTE, CellType.SCENARIO, CellType.EXPERIMENT, CellType.CHART, CellType.COMPARE);
    }

    /** A new cell of a kind; an experiment starts on the last scenario cell, with a fresh seed. */
    Cell newCell(CellType type, String id, NotebookDocument document) {
        return switch (type) {
            case NOTE -> new NoteCell(id, "");
            case SCENARIO -> new ScenarioCell(id, "", (ObjectNode) ScenarioCodec.readTree(NEW_SCENARIO));
            case EXPERIMENT -> {
                List<ScenarioCell> scenarios = document.scenarioCells();
                List<String> refs = scenarios.isEmpty() ? List.of() : List.of(scenarios.get(scenarios.size() - 1).id());
                yield new ExperimentCell(id, "", refs, Combine.GRID, List.of(), ExperimentCell.DEFAULT_REPLICATES,
                        1 + SEEDS.nextInt(999_999_999), null);
            }
            case CHART, COMPARE -> AnalysisCells.newCell(type, id, document);
        };
    }

    /** The editor for a cell. */
    CellEditor<?> editorFor(Cell cell, NotebookDocument document) {
        if (cell instanceof NoteCell n) {
            return new NoteCellEditor(n);
        }
        if (cell instanceof ScenarioCell s) {
            return new ScenarioCellEditor(s, presets);
        }
        if (cell instanceof ExperimentCell e) {
            return new ExperimentCellEditor(e, document.scenarioCells());
        }
        return AnalysisCells.editorFor(cell).orElseGet(() -> new UnsupportedCellEditor(cell));
    }
}
