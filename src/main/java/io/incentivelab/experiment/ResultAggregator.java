package io.incentivelab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Aggregates stored runs per sweep point, streaming in run-index order: only the current point's values are
 * held (replicates × metrics doubles), and because the order is the run index, not the order runs finished,
 * the numbers are byte-identical for any thread count or executor.
 */
public final class ResultAggregator {

    private ResultAggregator() {
    }

    /** A source of runs in run-index order (e.g. {@code c -> store.forEachRun(id, c)}). */
    @FunctionalInterface
    public interface RunSource {
        void forEach(Consumer<StoredRun> action);
    }

    public static List<PointSummary> aggregate(ExperimentPlan plan, RunSource runs) {
        List<PointSummary> points = new ArrayList<>(plan.points());
        PointAccumulator[] current = {null};
        runs.forEach(run -> {
            int p = run.run().pointIndex();
            if (current[0] == null || current[0].pointIndex != p) {
                if (current[0] != null) {
                    points.add(current[0].finish(plan));
                }
                current[0] = new PointAccumulator(p);
            }
            current[0].add(run);
        });
        if (current[0] != null) {
            points.add(current[0].finish(plan));
        }
        return points;
    }

    /** The values of every metric over the DONE runs selected by run index, in run-index order. */
    public static Map<String, double[]> collect(RunSource runs, IntPredicate pointSelected) {
        Map<String, DoubleList> values = new LinkedHashMap<>();
        runs.forEach(run -> {
            if (run.status() == RunStatus.DONE && pointSelected.test(run.run().pointIndex())) {
                run.metrics().forEach((k, v) -> {
                    if (v != null && Double.isFinite(v)) {
                        values.computeIfAbsent(k, x -> new DoubleList()).add(v);
                    }
                });
            }
        });
        Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.toArray()));
        return out;
    }

    private static final class PointAccumulator {
        final int pointIndex;
        int runs;
        int succeeded;
        int failed;
        final Map<String, DoubleList> values = new LinkedHashMap<>();

        PointAccumulator(int pointIndex) {
            this.pointIndex = pointIndex;
        }

        void add(StoredRun run) {
            runs++;
            if (run.status() == RunStatus.FAILED) {
                failed++;
            } else if (run.status() == RunStatus.DONE) {
                succeeded++;
                run.metrics().forEach((k, v) -> {
                    DoubleList list = values.computeIfAbsent(k, x -> new DoubleList());
                    if (v != null && Double.isFinite(v)) {
                        list.add(v);
                    }
                });
            }
        }

        PointSummary finish(ExperimentPlan plan) {
            Map<String, MetricStats> stats = new LinkedHashMap<>();
            values.forEach((k, v) -> stats.put(k, Statistics.describe(v.toArray())));
            return new PointSummary(plan.point(pointIndex), runs, succeeded, failed, stats);
        }
    }

    /** A growable list of doubles without boxing. */
    static final class DoubleList {
        private double[] data = new double[8];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
