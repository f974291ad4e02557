package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.select.Select;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.NotebookAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Experiment" choice of the chart and compare cells: the notebook's experiment cells by label ("Experiment
 * 2" when unlabelled), and the names of the chosen experiment's sweep points ("1: POWER α 2") for the cell's
 * point pickers.
 */
class ExperimentPicker extends Select<String> {

    private Map<String, String> names = Map.of();
    private List<String> pointLabels = List.of();

    ExperimentPicker() {
        setLabel("Experiment");
        setItemLabelGenerator(id -> names.getOrDefault(id, id));
    }

    /** The experiment cells to choose from and the output of the chosen one (null before it ran). */
    void setSources(List<ExperimentCell> experiments, ExperimentOutput chosenOutput) {
        Map<String, String> next = new LinkedHashMap<>();
        for (int i = 0; i < experiments.size(); i++) {
            ExperimentCell e = experiments.get(i);
            next.put(e.id(), e.label().isBlank() ? "Experiment " + (i + 1) : e.label());
        }
        this.names = next;
        this.pointLabels = chosenOutput == null ? List.of() : NotebookAnalysis.pointLabels(chosenOutput);
    }

    /** Offers the experiments and selects the cell's one (if it is still in the notebook). */
    void show(String experimentCellId) {
        setItems(new ArrayList<>(names.keySet()));
        if (names.containsKey(experimentCellId)) {
            setValue(experimentCellId);
        }
    }

    /** How many sweep points the chosen experiment has (0 before it ran). */
    int pointCount() {
        return pointLabels.size();
    }

    /** A point's name for the pickers: "2: WINNER_TAKE_ALL", or "point 7" when the output does not have it. */
    String pointName(Integer i) {
        return i == null ? "" : i < pointLabels.size() ? (i + 1) + ": " + pointLabels.get(i) : "point " + (i + 1);
    }
}
