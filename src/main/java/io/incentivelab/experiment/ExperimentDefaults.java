package io.incentivelab.experiment;

/** Defaults shared by the app's properties and the CLI. */
final class ExperimentDefaults {

    /** Samples kept per time series of a run. */
    static final int SERIES_POINTS = 64;

    private ExperimentDefaults() {
    }
}
