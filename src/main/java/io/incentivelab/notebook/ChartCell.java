package io.incentivelab.notebook;

import java.util.List;
import java.util.Objects;

/**
 * A chart of an experiment cell's results. What it draws depends on {@link #kind()}:
 * <ul>
 *   <li>{@code TIME_SERIES}: {@code metric} is a stored series (e.g. {@code alpha.giniEmission}); one line per
 *       chosen point, the mean across replicates with its 95% band;</li>
 *   <li>{@code LORENZ}: {@code metric} is {@code <subnet>.lorenzEmission} or {@code <subnet>.lorenzResource};
 *       one mean curve per chosen point with its 95% band, and the line of equality;</li>
 *   <li>{@code RESOURCES}: {@code metric} is a resource ({@code resources.compute}, {@code resources.storage}) or
 *       {@code emissionShare} (each subnet's share of network emission under a market rule); the mean of it in
 *       every subnet over time at the first chosen point, as stacked areas;</li>
 *   <li>{@code SWEEP}: {@code metric} is a summary metric; over one sweep axis a line with 95% error bars (one
 *       per scenario), over two axes a heat map of the mean (first scenario);</li>
 *   <li>{@code MATRIX}: {@code metric} is {@code resourceShareBySubnet}; at the first chosen point, a heat map of
 *       each subnet's share of the network's compute, storage and quality with its 95% CI ({@link ResourceMatrix}).</li>
 * </ul>
 *
 * @param experimentCellId the experiment cell whose last results are drawn
 * @param points           sweep point indexes to draw (empty = the first few)
 */
public record ChartCell(String id, String label, String experimentCellId, String kind, String metric,
        List<Integer> points) implements Cell {

    /** The chart kinds. */
    public static final List<String> KINDS = List.of("TIME_SERIES", "LORENZ", "RESOURCES", "SWEEP", "MATRIX");

    public ChartCell {
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label;
        experimentCellId = experimentCellId == null ? "" : experimentCellId;
        kind = kind == null ? "TIME_SERIES" : kind;
        metric = metric == null ? "" : metric;
        points = points == null ? List.of() : List.copyOf(points);
    }

    @Override
    public CellType type() {
        return CellType.CHART;
    }

    @Override
    public ChartCell withId(String newId) {
        return new ChartCell(newId, label, experimentCellId, kind, metric, points);
    }

    public ChartCell withExperimentCellId(String v) {
        return new ChartCell(id, label, v, kind, metric, points);
    }

    public ChartCell withKind(String v) {
        return new ChartCell(id, label, experimentCellId, v, metric, points);
    }

    public ChartCell withMetric(String v) {
        return new ChartCell(id, label, experimentCellId, kind, v, points);
    }

    public ChartCell withPoints(List<Integer> v) {
        return new ChartCell(id, label, experimentCellId, kind, metric, v);
    }
}
