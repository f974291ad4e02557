package io.incentivelab.simulation.yuma;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The inputs refuse inconsistent shapes, naming the array and the row. */
class YumaInputsTest {

    private static YumaInputs inputs(int[][] weights, int[][] bonds) {
        int n = 3;
        return new YumaInputs(100, 0, 1_000_000_000L, new long[] {10, 5, 0}, weights, new long[n], new long[n],
                new boolean[n], bonds);
    }

    @Test
    void rowsOfTheWrongLengthAreNamed() {
        assertThatThrownBy(() -> inputs(new int[][] {{1, 2, 3}, {1, 2}, null}, new int[3][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("weights[1] has length 2, expected n = 3");
        assertThatThrownBy(() -> inputs(new int[3][], new int[][] {null, null, {1, 2, 3, 4}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bondsBefore[2] has length 4, expected n = 3");
        assertThatThrownBy(() -> inputs(new int[2][], new int[3][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("weights has length 2, expected n = 3");
    }

    @Test
    void consistentShapesAreAccepted() {
        assertThatCode(() -> inputs(new int[][] {{1, 2, 3}, null, {0, 0, 65535}}, new int[][] {null, {4, 5, 6}, null}))
                .doesNotThrowAnyException();
    }
}
