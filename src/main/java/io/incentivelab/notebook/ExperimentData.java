package io.incentivelab.notebook;

import io.incentivelab.experiment.ExperimentResults;
import io.incentivelab.experiment.LocalExperiment;
import io.incentivelab.experiment.MetricComparison;
import io.incentivelab.experiment.RunGroup;
import io.incentivelab.experiment.SeriesBand;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * One experiment's results as the chart and compare cells read them: per-point statistics, the time series
 * band of a point, and the comparison of two points. Backed by the experiments service in the app, or by a
 * {@link io.incentivelab.experiment.LocalExperiment} when example notebooks are computed.
 */
public interface ExperimentData {

    ExperimentResults results();

    /** Mean and 95% band across the replicates of one point. */
    SeriesBand series(int point);

    /** Every metric compared between two points (A − B). */
    List<MetricComparison> compare(int pointA, int pointB);

    /** Results read through the given functions: the series band of a point, and the comparison of two groups. */
    static ExperimentData of(ExperimentResults results, IntFunction<SeriesBand> series,
            BiFunction<RunGroup, RunGroup, List<MetricComparison>> compare) {
        return new ExperimentData() {
            @Override
            public ExperimentResults results() {
                return results;
            }

            @Override
            public SeriesBand series(int point) {
                return series.apply(point);
            }

            @Override
            public List<MetricComparison> compare(int pointA, int pointB) {
                return compare.apply(new RunGroup.Point(pointA), new RunGroup.Point(pointB));
            }
        };
    }

    /** A local experiment's results (the example notebooks are computed this way). */
    static ExperimentData of(LocalExperiment run) {
        return of(new ExperimentResults(run.end(), run.plan(), run.points()), run::series, run::compare);
    }
}
