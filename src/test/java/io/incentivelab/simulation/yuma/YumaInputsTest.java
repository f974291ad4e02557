package io.incentivelab.simulation.yuma;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The inputs refuse inconsistent shapes, naming the array and the row. */
class YumaInputsTest {

    private static YumaInputs inputs(int[][] weights, int[][] bonds) {
        int n = 3;
        return new YumaInputs(100, 0, 1_000_000_000L, new long[] {10, 5, 0}, weights, new long[n], new long[n],
                new boolean[n], YumaInputs.bondRows(bonds));
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
    void bondRowsAreU16ValuesAsDoubles() {
        double[][] rows = YumaInputs.bondRows(new int[][] {{0, 65535, 7}, null, {1, 2, 3}});
        assertThat(rows[0]).containsExactly(0.0, 65535.0, 7.0);
        assertThat(rows[1]).isNull();
        assertThat(rows[2]).containsExactly(1.0, 2.0, 3.0);
        assertThatThrownBy(() -> YumaInputs.bondRows(new int[][] {null, {0, 65536, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bondsBefore[1][1] = 65536 is outside the u16 range [0, 65535]");
        assertThatThrownBy(() -> YumaInputs.bondRows(new int[][] {{-1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bondsBefore[0][0] = -1 is outside the u16 range [0, 65535]");
    }

    @Test
    void consistentShapesAreAccepted() {
        assertThatCode(() -> inputs(new int[][] {{1, 2, 3}, null, {0, 0, 65535}}, new int[][] {null, {4, 5, 6}, null}))
                .doesNotThrowAnyException();
    }
}
