package io.incentivelab.simulation.yuma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bond rows handed back with {@link YumaWorkspace#recycle} are written into by later epochs: the results are
 * the same as with fresh rows (whatever the recycled rows held), the rows are really reused, and rows of
 * another length are never handed out.
 */
class YumaRecycleTest {

    @Test
    void recycledRowsGiveTheSameResultsAsFreshOnes() {
        SplittableRandom rnd = new SplittableRandom(20261125);
        YumaWorkspace recycling = new YumaWorkspace();
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(trial < 200 ? 12 : 70);
            YumaParams p = RandomYumaInputs.params(rnd, n);
            YumaInputs in = RandomYumaInputs.generate(rnd, n, rnd.nextBoolean());
            YumaConsensus yuma = new YumaConsensus(p);
            YumaResult fresh = yuma.epoch(in, new YumaWorkspace(), true);
            YumaResult reused = yuma.epoch(in, recycling, true);
            assertThat(reused.bondsU16()).as("trial %d %s", trial, p).isDeepEqualTo(fresh.bondsU16());
            assertThat(reused.dividends()).as("trial %d", trial).containsExactly(fresh.dividends());
            // scribble over the rows before handing them back: an epoch must not rely on what they held
            for (double[] row : reused.bonds()) {
                if (row != null) {
                    Arrays.fill(row, 12345.0);
                }
            }
            recycling.recycle(reused.bonds());
        }
    }

    @Test
    void aSubnetsBondsLiveInTheRowsItHandedBack() {
        YumaParams p = YumaParams.newSubnetDefaults().withMaxAllowedValidators(16);
        YumaConsensus yuma = new YumaConsensus(p);
        YumaWorkspace ws = new YumaWorkspace();
        YumaInputs in = SyntheticYumaInputs.dense(16, 64, 3);
        YumaResult first = yuma.epoch(in, ws);
        Set<double[]> handedBack = Collections.newSetFromMap(new IdentityHashMap<>());
        for (double[] row : first.bonds()) {
            if (row != null) {
                handedBack.add(row);
            }
        }
        assertThat(handedBack).hasSize(16);
        double[][] expected = yuma.epoch(in, new YumaWorkspace()).bonds();
        ws.recycle(first.bonds());
        YumaResult second = yuma.epoch(in, ws);
        for (int i = 0; i < 64; i++) {
            if (second.bonds()[i] != null) {
                assertThat(handedBack).as("row %d", i).contains(second.bonds()[i]);
                assertThat(second.bonds()[i]).containsExactly(expected[i]);
            }
        }
    }

    @Test
    void rowsOfAnotherLengthAreNotHandedOut() {
        YumaWorkspace ws = new YumaWorkspace();
        ws.recycle(new double[][] {new double[10], null, new double[10]});
        assertThat(ws.bondRow(12, false)).hasSize(12);
        assertThat(ws.bondRow(10, false)).hasSize(10);
        ws.recycle(new double[][] {new double[7]}); // another length replaces the rows held
        assertThat(ws.bondRow(10, false)).hasSize(10);
        double[] seven = ws.bondRow(7, true);
        assertThat(seven).hasSize(7).containsOnly(0.0);
    }

    @Test
    void theRowsKeptAreBounded() {
        YumaWorkspace ws = new YumaWorkspace();
        int n = 1 << 16; // 64 rows of this length fill the bound
        double[][] many = new double[100][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new double[n];
        }
        ws.recycle(many);
        Set<double[]> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < many.length; i++) {
            handedOut.add(ws.bondRow(n, false));
        }
        long reused = Arrays.stream(many).filter(handedOut::contains).count();
        assertThat(reused).isEqualTo(YumaWorkspace.MAX_RECYCLED_DOUBLES / n);
    }
}
