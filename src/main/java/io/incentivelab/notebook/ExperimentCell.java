package io.incentivelab.notebook;

import java.util.List;
import java.util.Objects;

/**
 * An experiment: which scenario cells (by id), the sweep axes, how they combine, replicates and base seed,
 * and the id of the last server-side experiment started from this cell (null before the first run). The
 * results of that run are the cell's {@link ExperimentOutput}, stored apart from the document.
 *
 * @param combine GRID (Cartesian product) or ZIP (i-th values together)
 */
public record ExperimentCell(String id, String label, List<String> scenarioCellIds, String combine,
        List<SweepAxis> axes, int replicates, long seed, String lastExperimentId) implements Cell {

    /** Replicates of a new cell. */
    public static final int DEFAULT_REPLICATES = 5;
    /** Most replicates a cell may ask for: the notebook format's limit, the experiments' default limit. */
    public static final int MAX_REPLICATES = io.incentivelab.experiment.ExperimentLimits.DEFAULT.maxReplicates();
    /** The combine modes the experiment spec knows. */
    public static final List<String> COMBINES = List.of("GRID", "ZIP");

    public ExperimentCell {
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label;
        scenarioCellIds = scenarioCellIds == null ? List.of() : List.copyOf(scenarioCellIds);
        combine = combine == null ? "GRID" : combine;
        axes = axes == null ? List.of() : List.copyOf(axes);
    }

    @Override
    public CellType type() {
        return CellType.EXPERIMENT;
    }

    /** A duplicate starts without a run of its own. */
    @Override
    public ExperimentCell withId(String newId) {
        return new ExperimentCell(newId, label, scenarioCellIds, combine, axes, replicates, seed, null);
    }

    public ExperimentCell withLabel(String v) {
        return new ExperimentCell(id, v, scenarioCellIds, combine, axes, replicates, seed, lastExperimentId);
    }

    public ExperimentCell withScenarioCellIds(List<String> v) {
        return new ExperimentCell(id, label, v, combine, axes, replicates, seed, lastExperimentId);
    }

    public ExperimentCell withCombine(String v) {
        return new ExperimentCell(id, label, scenarioCellIds, v, axes, replicates, seed, lastExperimentId);
    }

    public ExperimentCell withAxes(List<SweepAxis> v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, v, replicates, seed, lastExperimentId);
    }

    public ExperimentCell withReplicates(int v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, axes, v, seed, lastExperimentId);
    }

    public ExperimentCell withSeed(long v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, axes, replicates, v, lastExperimentId);
    }

    public ExperimentCell withLastExperimentId(String v) {
        return new ExperimentCell(id, label, scenarioCellIds, combine, axes, replicates, seed, v);
    }
}
