package io.incentivelab.notebook;

/** The kinds of cell, as written in the {@code type} field of a cell. */
public enum CellType {
    /** Markdown prose. */
    NOTE,
    /** A scenario: a whole network design. */
    SCENARIO,
    /** A sweep × replicates batch over scenario cells. */
    EXPERIMENT,
    /** A chart of an experiment's results. */
    CHART,
    /** Two sweep points of an experiment side by side, with tests. */
    COMPARE
}
