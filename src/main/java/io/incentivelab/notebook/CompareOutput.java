package io.incentivelab.notebook;

import java.util.List;

/**
 * A comparison as last computed (see {@link CompareCell}). Undefined numbers are NaN (written as null).
 *
 * @param inputHash    hash of the cell's inputs and the experiment results it was computed from
 * @param experimentId the experiment compared within
 * @param labelA       what point A is (scenario and swept values)
 * @param labelB       what point B is
 * @param rows         one per metric, in the engine's order
 * @param parameters   scenario fields whose values differ between A and B, by JSON path
 */
public record CompareOutput(String inputHash, String experimentId, String labelA, String labelB, List<Row> rows,
        List<ParameterDiff> parameters) implements CellOutput {

    public static final String KIND = "compare";

    public CompareOutput {
        rows = rows == null ? List.of() : List.copyOf(rows);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * One metric: A and B each as mean with its 95% interval, the difference A − B, Welch's t-test and the
     * Mann–Whitney U test (two-sided p-values) and Hedges' g.
     */
    public record Row(String metric, int nA, double meanA, double lowA, double highA, int nB, double meanB,
            double lowB, double highB, double difference, double welchP, double mannWhitneyP, double hedgesG) {
    }

    /** One scenario field that differs; values as JSON text ({@code null} where the field is absent). */
    public record ParameterDiff(String path, String a, String b) {
    }
}
