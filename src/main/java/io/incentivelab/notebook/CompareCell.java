package io.incentivelab.notebook;

import java.util.Objects;

/**
 * A comparison of two sweep points (or two scenarios, each a point when there are no sweep axes) of one
 * experiment cell's last results: each metric's mean ± 95% CI side by side, the difference, Welch's t-test
 * and Mann–Whitney p-values, the effect size, and the scenario parameters that differ.
 *
 * @param pointA index of the first sweep point
 * @param pointB index of the second
 * @param filter only metrics whose name contains this text (empty = all)
 */
public record CompareCell(String id, String label, String experimentCellId, int pointA, int pointB, String filter)
        implements Cell {

    public CompareCell {
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label;
        experimentCellId = experimentCellId == null ? "" : experimentCellId;
        filter = filter == null ? "" : filter;
    }

    @Override
    public CellType type() {
        return CellType.COMPARE;
    }

    @Override
    public CompareCell withId(String newId) {
        return new CompareCell(newId, label, experimentCellId, pointA, pointB, filter);
    }

    public CompareCell withExperimentCellId(String v) {
        return new CompareCell(id, label, v, pointA, pointB, filter);
    }

    public CompareCell withPoints(int a, int b) {
        return new CompareCell(id, label, experimentCellId, a, b, filter);
    }

    public CompareCell withFilter(String v) {
        return new CompareCell(id, label, experimentCellId, pointA, pointB, v);
    }
}
