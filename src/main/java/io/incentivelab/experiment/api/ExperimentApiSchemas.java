package io.incentivelab.experiment.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The shapes of the experiments API's bodies, for its OpenAPI description only: the controller writes and reads
 * JSON trees and files, so these records document what it sends and takes (docs/formats.md for the file).
 */
final class ExperimentApiSchemas {

    private ExperimentApiSchemas() {
    }

    @Schema(name = "ExperimentFile", description = "An experiment file (`*.experiment.json`), the same the CLI's"
            + " `experiment` command takes: scenarios, a sweep, replicates and a base seed. Unknown fields are refused;"
            + " every problem is reported with its JSON path. Format: docs/formats.md#experiment-files.")
    record ExperimentFile(
            @Schema(description = "Format version.", example = "1", requiredMode = Schema.RequiredMode.REQUIRED) int schemaVersion,
            @Schema(description = "A non-empty name.", example = "POWER curve sweep",
                    requiredMode = Schema.RequiredMode.REQUIRED) String name,
            String description,
            @ArraySchema(minItems = 1, schema = @Schema(implementation = LabelledScenario.class),
                    arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED)) List<LabelledScenario> scenarios,
            Sweep sweep,
            @Schema(description = "Runs per sweep point.", defaultValue = "1", minimum = "1") Integer replicates,
            @Schema(description = "Base seed; every run's seed is derived from it and the run's point and replicate.",
                    requiredMode = Schema.RequiredMode.REQUIRED, example = "20260101") long baseSeed) {
    }

    @Schema(name = "LabelledScenario")
    record LabelledScenario(
            @Schema(description = "Unique within the file.", example = "power", requiredMode = Schema.RequiredMode.REQUIRED) String label,
            @Schema(description = "A whole scenario (`schemaVersion` 1), inline; its JSON Schema is printed by"
                    + " `java -jar incentive-lab.jar schema`.", type = "object", requiredMode = Schema.RequiredMode.REQUIRED)
            Map<String, Object> scenario) {
    }

    @Schema(name = "Sweep")
    record Sweep(
            @Schema(allowableValues = {"GRID", "ZIP"}, defaultValue = "GRID",
                    description = "GRID: cartesian product, first axis slowest; ZIP: the i-th value of every axis together.")
            String combine,
            List<Axis> axes) {
    }

    @Schema(name = "SweepAxis")
    record Axis(
            @Schema(description = "JSON path into every scenario.", example = "$.subnets[0].rewardCurve.alpha",
                    requiredMode = Schema.RequiredMode.REQUIRED) String path,
            @Schema(allowableValues = {"LIST", "RANGE", "UNIFORM", "LATIN_HYPERCUBE", "SOBOL"},
                    requiredMode = Schema.RequiredMode.REQUIRED) String kind,
            @Schema(description = "LIST: numbers, strings or booleans.") List<Object> values,
            @Schema(description = "RANGE, UNIFORM, LATIN_HYPERCUBE, SOBOL: lower end.") Double from,
            @Schema(description = "RANGE, UNIFORM, LATIN_HYPERCUBE, SOBOL: upper end.") Double to,
            @Schema(description = "RANGE: evenly spaced values, both ends included.") Integer steps,
            @Schema(description = "UNIFORM, LATIN_HYPERCUBE, SOBOL: number of values.") Integer n,
            @Schema(description = "Round numeric values.") Boolean integer) {
    }

    @Schema(name = "ExperimentStatus", description = "Where an experiment stands.")
    record Status(
            @Schema(example = "2f6c0d4e-5b1a-4c3e-9a7f-0e1d2c3b4a59") String id,
            @Schema(example = "POWER curve sweep") String name,
            @Schema(allowableValues = {"QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"}) String status,
            @Schema(description = "Planned runs.") int total,
            @Schema(description = "Ended runs, failed ones included.") int done,
            @Schema(description = "Runs that threw.") int failed,
            @Schema(description = "Estimated seconds to the end; null once ended.", nullable = true) Double etaSeconds,
            @Schema(description = "Why it failed, if it did.") String message) {
    }

    @Schema(name = "CostPreview", description = "What an experiment file would cost on this server; starts nothing.")
    record Preview(int points, int replicates, long runs, int threads,
            @Schema(nullable = true) Double secondsPerRun,
            @Schema(nullable = true) Double estimatedSeconds,
            long bytesPerRun, long estimatedBytes) {
    }

    @Schema(name = "ExperimentResults", description = "Per-point statistics and (unless `runs=false`) every run.")
    record Results(Status status, ResultsExperiment experiment, List<ResultsPoint> points,
            @Schema(description = "Absent with `runs=false`.") List<ResultsRun> runs) {
    }

    @Schema(name = "ResultsExperiment")
    record ResultsExperiment(String name, long baseSeed, int points, int replicates, long runs,
            @Schema(description = "The sweep axes' paths.") List<String> axes) {
    }

    @Schema(name = "ResultsPoint")
    record ResultsPoint(int pointIndex, String scenario,
            @Schema(description = "Axis path → value at this point.") Map<String, Object> values,
            int runs, int succeeded, int failed,
            @Schema(description = "Metric → statistics over the succeeded runs.") Map<String, MetricStatistics> metrics) {
    }

    @Schema(name = "MetricStatistics", description = "Over the finite values of one metric; sd and the interval"
            + " are null with n < 2.")
    record MetricStatistics(int n, @Schema(nullable = true) Double mean, @Schema(nullable = true) Double sd,
            @Schema(nullable = true) Double ci95Low, @Schema(nullable = true) Double ci95High,
            @Schema(nullable = true) Double min, @Schema(nullable = true) Double p5,
            @Schema(nullable = true) Double p25, @Schema(nullable = true) Double p50,
            @Schema(nullable = true) Double p75, @Schema(nullable = true) Double p95,
            @Schema(nullable = true) Double max) {
    }

    @Schema(name = "ResultsRun")
    record ResultsRun(long runIndex, int pointIndex, int replicate,
            @Schema(description = "Up to 2^63: read it as a string or BigInt in JavaScript.") long seed,
            @Schema(allowableValues = {"PENDING", "DONE", "FAILED"}) String status,
            String error, String scenarioHash, String engineVersion,
            @Schema(nullable = true) Map<String, Double> metrics) {
    }

    @Schema(name = "Comparison", description = "Every metric compared between two groups of runs.")
    record Comparison(@Schema(example = "scenario:proportional") String a,
            @Schema(example = "scenario:winner-take-all") String b, List<MetricComparison> metrics) {
    }

    @Schema(name = "MetricComparison")
    record MetricComparison(String metric, int nA, int nB,
            @Schema(nullable = true) Double meanA, @Schema(nullable = true) Double meanB,
            @Schema(nullable = true, description = "meanA − meanB") Double difference,
            @Schema(nullable = true, description = "Welch's t-test, two-sided") Double welchP,
            @Schema(nullable = true, description = "Mann–Whitney U, two-sided, normal approximation") Double mannWhitneyP,
            @Schema(nullable = true) Double cohensD, @Schema(nullable = true) Double hedgesG) {
    }

    @Schema(name = "SeriesBand", description = "A point's time series across its replicates: mean and 95% band.")
    record Series(int pointIndex, int replicates, List<Integer> epochs,
            @Schema(description = "Series name → values, one per epoch (null where undefined).") Map<String, Band> series) {
    }

    @Schema(name = "Band")
    record Band(List<Double> mean, List<Double> ci95Low, List<Double> ci95High) {
    }
}
