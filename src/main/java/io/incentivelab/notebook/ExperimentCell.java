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
 * <p>What the axes make is the experiment spec's own choice: a sweep's {@link Combine} (GRID, the Cartesian product,
 * or ZIP, i-th values together), or a sensitivity study's {@link Sensitivity.Method}, whose points the spec zips.
 * The notebook format writes both as one {@code combine} text, one of {@link #COMBINES}.
 *
 * @param combine how a sweep's axes combine; ZIP for a sensitivity study (its points come zipped)
 * @param method  the sensitivity study's method, or null for a sweep
 */
public record ExperimentCell(String id, String label, List<String> scenarioCellIds, Combine combine,
        Sensitivity.Method method, List<Axis> axes, int replicates, long seed, String lastExperimentId, String metric,
        int samples) implements Cell {

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
    /** What {@link #COMBINES} names, in its order: the sweeps' {@link Combine}s, then the study {@link Sensitivity.Method}s. */
    public static final List<Enum<?>> DESIGNS = List.of(Combine.GRID, Combine.ZIP, Sensitivity.Method.SALTELLI,
            Sensitivity.Method.MORRIS);
    /** Base samples or trajectories of a new sensitivity study. */
    public static final int DEFAULT_SAMPLES = 16;

    public ExperimentCell {
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label;
        scenarioCellIds = scenarioCellIds == null ? List.of() : List.copyOf(scenarioCellIds);
        combine = method != null ? Combine.ZIP : combine == null ? Combine.GRID : combine;
        axes = axes == null ? List.of() : axes.stream().map(ExperimentCell::orEmpty).toList();
        metric = metric == null ? "" : metric;
        samples = samples <= 0 ? DEFAULT_SAMPLES : samples;
    }

    /** A sweep cell (no sensitivity study settings). */
    public ExperimentCell(String id, String label, List<String> scenarioCellIds, Combine combine, List<Axis> axes,
            int replicates, long seed, String lastExperimentId) {
        this(id, label, scenarioCellIds, combine, null, axes, replicates, seed, lastExperimentId, "", DEFAULT_SAMPLES);
    }

    /** A sensitivity study cell: its axes are the parameters, each over From–To. */
    public static ExperimentCell study(String id, String label, List<String> scenarioCellIds, Sensitivity.Method method,
            List<Axis> parameters, int replicates, long seed, String lastExperimentId, String metric, int samples) {
        return new ExperimentCell(id, label, scenarioCellIds, Combine.ZIP, Objects.requireNonNull(method, "method"),
                parameters, replicates, seed, lastExperimentId, metric, samples);
    }

    /** The design a {@link #COMBINES} name stands for (a {@link Combine} or a {@link Sensitivity.Method}); null if none. */
    public static Enum<?> design(String name) {
        int i = COMBINES.indexOf(name);
        return i < 0 ? null : DESIGNS.get(i);
    }

    /** An axis without a path or kind has the empty path and is a LIST. */
    private static Axis orEmpty(Axis a) {
        return a.path() != null && a.kind() != null ? a
                : new Axis(a.path() == null ? "" : a.path(), a.kind() == null ? AxisKind.LIST : a.kind(), a.values(), a.from(),
                        a.to(), a.count(), a.integer());
    }

    /** Whether the cell is a sensitivity study (a {@link #method} is set). */
    public boolean sensitivity() {
        return method != null;
    }

    /** The cell's design: its {@link #method} for a study, else its {@link #combine}. */
    public Enum<?> design() {
        return method != null ? method : combine;
    }

    /** The name the notebook format and the editor show for {@link #design()}: one of {@link #COMBINES}. */
    public String designName() {
        return design().name();
    }

    /** The same cell with another design: a {@link Combine} makes it a sweep, a {@link Sensitivity.Method} a study. */
    public ExperimentCell withDesign(Enum<?> v) {
        if (v instanceof Sensitivity.Method m) {
            return new ExperimentCell(id, label, scenarioCellIds, Combine.ZIP, m, axes, replicates, seed, lastExperimentId,
                    metric, samples);
        }
        if (v instanceof Combine c) {
            return new ExperimentCell(id, label, scenarioCellIds, c, null, axes, replicates, seed, lastExperimentId,
                    metric, samples);
        }
        throw new IllegalArgumentException("not an experiment design: " + v);
    }

    public ExperimentCell withMetric(String v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, method, axes, replicates, seed, lastExperimentId, v, samples);
    }

    public ExperimentCell withSamples(int v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, method, axes, replicates, seed, lastExperimentId, metric, v);
    }

    @Override
    public CellType type() {
        return CellType.EXPERIMENT;
    }

    /** A duplicate starts without a run of its own. */
    @Override
    public ExperimentCell withId(String newId) {
        return new ExperimentCell(newId, label, scenarioCellIds, combine, method, axes, replicates, seed, null, metric, samples);
    }

    public ExperimentCell withLabel(String v) {
        return new ExperimentCell(id, v, scenarioCellIds, combine, method, axes, replicates, seed, lastExperimentId, metric, samples);
    }

    public ExperimentCell withScenarioCellIds(List<String> v) {
        return new ExperimentCell(id, label, v, combine, method, axes, replicates, seed, lastExperimentId, metric, samples);
    }

    public ExperimentCell withAxes(List<Axis> v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, method, v, replicates, seed, lastExperimentId, metric, samples);
    }

    public ExperimentCell withReplicates(int v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, method, axes, v, seed, lastExperimentId, metric, samples);
    }

    public ExperimentCell withSeed(long v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, method, axes, replicates, v, lastExperimentId, metric, samples);
    }

    public ExperimentCell withLastExperimentId(String v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, method, axes, replicates, seed, v, metric, samples);
    }
}
