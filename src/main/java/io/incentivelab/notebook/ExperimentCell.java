package io.incentivelab.notebook;

import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.AxisKind;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.experiment.Sensitivity;
import java.util.List;
import java.util.Objects;

/**
 * An experiment: which scenario cells (by id), the sweep axes (the experiment's own {@link Axis}, as the user left
 * them: a value may be missing until the experiment is checked), how they combine, replicates and base seed,
 * and the id of the last server-side experiment started from this cell (null before the first run). The
 * results of that run are the cell's {@link ExperimentOutput}, stored apart from the document.
 *
 * @param combine GRID (Cartesian product) or ZIP (i-th values together)
 */
public record ExperimentCell(String id, String label, List<String> scenarioCellIds, String combine,
        List<Axis> axes, int replicates, long seed, String lastExperimentId, String metric, int samples)
        implements Cell {

    /** Replicates of a new cell. */
    public static final int DEFAULT_REPLICATES = 5;
    /** Most replicates a cell may ask for: the notebook format's limit, the experiments' default limit. */
    public static final int MAX_REPLICATES = ExperimentLimits.DEFAULT.maxReplicates();
    /**
     * How the axes make points: GRID and ZIP sweep them; SALTELLI and MORRIS make the cell a sensitivity study
     * (issue 19) whose axes are its parameters (each axis's From and To are the range), of {@link #metric}, with
     * {@link #samples} base samples (SALTELLI) or trajectories (MORRIS).
     */
    public static final List<String> COMBINES = List.of("GRID", "ZIP", "SALTELLI", "MORRIS");
    /** The sensitivity methods among {@link #COMBINES}. */
    public static final List<String> SENSITIVITY = List.of("SALTELLI", "MORRIS");
    /** Base samples or trajectories of a new sensitivity study. */
    public static final int DEFAULT_SAMPLES = 16;

    public ExperimentCell {
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label;
        scenarioCellIds = scenarioCellIds == null ? List.of() : List.copyOf(scenarioCellIds);
        combine = combine == null ? "GRID" : combine;
        axes = axes == null ? List.of() : axes.stream().map(ExperimentCell::orEmpty).toList();
        metric = metric == null ? "" : metric;
        samples = samples <= 0 ? DEFAULT_SAMPLES : samples;
    }

    /** A sweep cell (no sensitivity study settings). */
    public ExperimentCell(String id, String label, List<String> scenarioCellIds, String combine, List<Axis> axes,
            int replicates, long seed, String lastExperimentId) {
        this(id, label, scenarioCellIds, combine, axes, replicates, seed, lastExperimentId, "", DEFAULT_SAMPLES);
    }

    /** An axis without a path or kind has the empty path and is a LIST. */
    private static Axis orEmpty(Axis a) {
        return a.path() != null && a.kind() != null ? a
                : new Axis(a.path() == null ? "" : a.path(), a.kind() == null ? AxisKind.LIST : a.kind(), a.values(), a.from(),
                        a.to(), a.count(), a.integer());
    }

    /** Whether the cell is a sensitivity study (combine SALTELLI or MORRIS). */
    public boolean sensitivity() {
        return SENSITIVITY.contains(combine);
    }

    /** How a sweep cell's axes combine; null for a sensitivity study (or a combine this app does not know). */
    public Combine sweepCombine() {
        return combine.equals("GRID") ? Combine.GRID : combine.equals("ZIP") ? Combine.ZIP : null;
    }

    /** The method of a sensitivity study; null for a sweep. */
    public Sensitivity.Method method() {
        return combine.equals("SALTELLI") ? Sensitivity.Method.SALTELLI : combine.equals("MORRIS") ? Sensitivity.Method.MORRIS : null;
    }

    public ExperimentCell withMetric(String v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, axes, replicates, seed, lastExperimentId, v, samples);
    }

    public ExperimentCell withSamples(int v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, axes, replicates, seed, lastExperimentId, metric, v);
    }

    @Override
    public CellType type() {
        return CellType.EXPERIMENT;
    }

    /** A duplicate starts without a run of its own. */
    @Override
    public ExperimentCell withId(String newId) {
        return new ExperimentCell(newId, label, scenarioCellIds, combine, axes, replicates, seed, null, metric, samples);
    }

    public ExperimentCell withLabel(String v) {
        return new ExperimentCell(id, v, scenarioCellIds, combine, axes, replicates, seed, lastExperimentId, metric, samples);
    }

    public ExperimentCell withScenarioCellIds(List<String> v) {
        return new ExperimentCell(id, label, v, combine, axes, replicates, seed, lastExperimentId, metric, samples);
    }

    public ExperimentCell withCombine(String v) {
        return new ExperimentCell(id, label, scenarioCellIds, v, axes, replicates, seed, lastExperimentId, metric, samples);
    }

    public ExperimentCell withAxes(List<Axis> v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, v, replicates, seed, lastExperimentId, metric, samples);
    }

    public ExperimentCell withReplicates(int v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, axes, v, seed, lastExperimentId, metric, samples);
    }

    public ExperimentCell withSeed(long v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, axes, replicates, v, lastExperimentId, metric, samples);
    }

    public ExperimentCell withLastExperimentId(String v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, axes, replicates, seed, v, metric, samples);
    }
}
