package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.metagraph.GeneratedSnapshots;
import io.incentivelab.metagraph.InvalidMetagraphException;
import io.incentivelab.metagraph.MetagraphCodec;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.metagraph.MetagraphSnapshot;
import io.incentivelab.simulation.model.CurveType;
import io.incentivelab.simulation.model.Scenario;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link MetagraphNotebook}: a snapshot becomes "your subnet today", its scenario, a curve experiment and a chart. */
class MetagraphNotebookTest {

    private static MetagraphSnapshot snapshot() {
        return MetagraphCodec.parse(GeneratedSnapshots.text(GeneratedSnapshots.generate(5, 6, 30, true)));
    }

    @Test
    void theNotebookHoldsTheSubnetTodayAndAnExperimentOverItsCurve() {
        MetagraphSnapshot s = snapshot();
        NotebookDocument doc = MetagraphNotebook.of(s);
        assertThat(doc.title()).isEqualTo("Subnet 7 today (block " + s.block() + ")");
        assertThat(doc.cells()).extracting(Cell::type)
                .containsExactly(CellType.NOTE, CellType.SCENARIO, CellType.EXPERIMENT, CellType.CHART);

        ScenarioCell scenario = (ScenarioCell) doc.cells().get(1);
        Scenario sc = ScenarioCodec.parse(scenario.scenario());
        assertThat(sc.subnets().get(0).validators().count()).isEqualTo(6);

        ExperimentCell run = (ExperimentCell) doc.cells().get(2);
        assertThat(run.scenarioCellIds()).containsExactly(scenario.id());
        assertThat(run.axes()).hasSize(1);
        assertThat(run.axes().get(0).path()).isEqualTo("$.subnets[0].rewardCurve.type");
        assertThat(run.axes().get(0).values()).extracting(v -> v.asText())
                .containsExactly("PROPORTIONAL", "POWER", "TOP_K", "WINNER_TAKE_ALL");
        // every point of the sweep is a valid scenario, and the first is the imported one as it is
        assertThat(sc.subnets().get(0).rewardCurve().type()).isEqualTo(CurveType.PROPORTIONAL);
        for (var v : run.axes().get(0).values()) {
            ObjectNode point = scenario.scenario();
            ((ObjectNode) point.withArray("subnets").get(0)).putObject("rewardCurve").put("type", v.asText());
            assertThat(ScenarioCodec.parse(point).subnets().get(0).rewardCurve().type().name()).isEqualTo(v.asText());
        }

        ChartCell chart = (ChartCell) doc.cells().get(3);
        assertThat(chart.experimentCellId()).isEqualTo(run.id());
        assertThat(chart.kind()).isEqualTo("SWEEP");
        assertThat(chart.metric()).isEqualTo("subnet-7.giniEmission");

        // the document is a valid notebook file
        NotebookDocument back = NotebookCodec.readDocument(NotebookCodec.writeDocument(doc));
        assertThat(back).isEqualTo(doc);
    }

    @Test
    void theNoteStatesTheSnapshotsConcentrationAndTheYumaCheck() {
        MetagraphSnapshot s = snapshot();
        String md = ((NoteCell) MetagraphNotebook.of(s).cells().get(0)).markdown();
        // miner incentive by coldkey, and its Gini by the mean absolute difference (a naive reference)
        Map<String, Double> byColdkey = new LinkedHashMap<>();
        for (int i = 0; i < s.n(); i++) {
            if (!s.validatorPermit()[i]) {
                byColdkey.merge(s.coldkeys()[i], s.incentive()[i], Double::sum);
            }
        }
        double[] x = byColdkey.values().stream().mapToDouble(Double::doubleValue).toArray();
        double diff = 0;
        double sum = 0;
        for (double a : x) {
            sum += a;
            for (double b : x) {
                diff += Math.abs(a - b);
            }
        }
        double gini = diff / (2.0 * x.length * sum);
        double top = Arrays.stream(x).max().orElseThrow() / sum;
        assertThat(md).startsWith("# Subnet 7 today")
                .contains("This is your subnet today")
                .contains("now change the curve and see where it goes")
                .contains("30 miner UIDs held by " + x.length + " coldkeys")
                .contains(String.format(Locale.ROOT, "| Gini of miner incentive across coldkeys | %.3f |", gini))
                .contains(String.format(Locale.ROOT, "| Largest coldkey's share of miner incentive | %.1f %% |", 100 * top))
                // the generator's incentive and dividends follow from its weights and stakes
                .contains("within the tolerance");
    }

    @Test
    void aBadSnapshotIsRefusedNamingTheField() {
        ObjectNode s = GeneratedSnapshots.generate(5, 6, 30, true);
        s.withArray("stake").remove(0);
        assertThatThrownBy(() -> MetagraphNotebook.of(MetagraphCodec.parse(GeneratedSnapshots.text(s))))
                .isInstanceOf(InvalidMetagraphException.class).hasMessageContaining("$.stake");
    }
}
