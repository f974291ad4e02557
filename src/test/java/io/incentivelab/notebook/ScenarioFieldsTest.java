package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.AxisKind;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.scenario.ScenarioCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioFieldsTest {

    private final ObjectNode scenario = (ObjectNode) ScenarioCodec.readTree(
            "{\"name\":\"s\",\"subnets\":[{\"name\":\"a\",\"rewardCurve\":{\"type\":\"POWER\"}},{\"name\":\"b\"}]}");

    @Test
    void absentFieldsShowTheirDefaults() {
        assertThat(ScenarioFields.effective(scenario, "$.network.tempo").intValue()).isEqualTo(360);
        assertThat(ScenarioFields.effective(scenario, "$.subnets[0].rewardCurve.type").textValue()).isEqualTo("POWER");
        assertThat(ScenarioFields.effective(scenario, "$.subnets[0].rewardCurve.alpha").doubleValue()).isEqualTo(2.0);
        assertThat(ScenarioFields.effective(scenario, "$.subnets[1].miners.compute.median").doubleValue()).isEqualTo(8.0);
        assertThat(ScenarioFields.effective(scenario, "$.subnets[5].name")).isNull();
    }

    private ScenarioFields.FieldInfo field(String path) {
        return ScenarioFields.sweepable(scenario).stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void labelsAreInSentenceCaseWithTheirUnits() {
        assertThat(field("$.network.startIssuanceTao").label()).isEqualTo("Start issuance (TAO)");
        assertThat(field("$.network.horizonDays").label()).isEqualTo("Horizon (days)");
        assertThat(field("$.economics.taoPriceUsd").label()).isEqualTo("TAO price (USD)");
        assertThat(field("$.economics.arrivalsPerDay").label()).isEqualTo("Arrivals (per day)");
        assertThat(field("$.economics.costs.computeRunningUsdPerDay").label()).isEqualTo("Compute running (USD per day)");
        assertThat(field("$.subnets[0].limits.maxUids").label()).isEqualTo("Max UIDs");
        assertThat(field("$.subnets[0].limits.immunityPeriodBlocks").label()).isEqualTo("Immunity period (blocks)");
        assertThat(field("$.subnets[0].market.validatorTake").label()).isEqualTo("Validator take (fraction of alpha dividends)");
        assertThat(field("$.subnets[0].miners.operators").label()).isEqualTo("Operators");
        // a subnet's own tempo is a sweepable field of the form, 0 (the network's) unless set
        assertThat(field("$.subnets[1].tempo").label()).isEqualTo("Tempo (blocks per epoch of this subnet)");
        assertThat(ScenarioFields.effective(scenario, "$.subnets[1].tempo").intValue()).isZero();
    }

    @Test
    void sweepFieldsAreOfferedByTheirSubnetsName() {
        assertThat(ScenarioFields.sweepLabel(scenario, field("$.subnets[1].rewardCurve.type")))
                .isEqualTo("b: Reward curve › Type — subnets[1].rewardCurve.type");
        assertThat(ScenarioFields.sweepLabel(scenario, field("$.network.horizonDays")))
                .isEqualTo("Network: Horizon (days) — network.horizonDays");
        assertThat(ScenarioFields.sweepLabel(scenario, field("$.subnets[0].validators.stake.totalTao")))
                .isEqualTo("a: Validators › Stake › Total (TAO) — subnets[0].validators.stake.totalTao");
    }

    @Test
    void setCreatesTheWayAndNullRemoves() {
        ScenarioFields.set(scenario, "$.subnets[1].miners.compute.sigma", DoubleNode.valueOf(0.5));
        assertThat(scenario.at("/subnets/1/miners/compute/sigma").doubleValue()).isEqualTo(0.5);
        ScenarioFields.set(scenario, "$.subnets[1].miners.compute.sigma", null);
        assertThat(scenario.at("/subnets/1/miners/compute").has("sigma")).isFalse();
        ScenarioFields.set(scenario, "$.network.tempo", IntNode.valueOf(100));
        assertThat(ScenarioCodec.parse(scenario).network().tempo()).isEqualTo(100);
    }

    @Test
    void sweepableFieldsCoverEverySubnetAndOnlyNumbersAndChoices() {
        List<String> paths = ScenarioFields.sweepable(scenario).stream().map(ScenarioFields.FieldInfo::path).toList();
        assertThat(paths).contains("$.network.horizonDays", "$.network.emissionSplit", "$.subnets[0].rewardCurve.alpha",
                "$.subnets[1].rewardCurve.type", "$.subnets[1].validators.stake.paretoShape", "$.subnets[1].yuma.liquidAlpha");
        assertThat(paths).doesNotContain("$.name", "$.subnets[0].name", "$.subnets[0].validators.stake.explicitTao");
    }

    @Test
    void anExperimentCellBecomesASpecWithFullScenarios() {
        NotebookDocument doc = NotebookDocument.empty("t").append(new ScenarioCell("s1", "Base", scenario))
                .append(new ExperimentCell("e1", "", List.of("s1"), Combine.GRID, List.of(
                        Axis.range("$.subnets[0].rewardCurve.alpha", 1, 3, 3, false),
                        new Axis("$.network.tempo", AxisKind.SOBOL, List.of(), 100.0, 400.0, 4, true)), 2, 9, null));
        var spec = NotebookRuns.spec(doc, (ExperimentCell) doc.cell("e1").orElseThrow());
        assertThat(spec.scenarios().get(0).label()).isEqualTo("Base");
        assertThat(spec.scenarios().get(0).scenario().at("/network/tempo").intValue()).isEqualTo(360);
        assertThat(spec.axes().get(0).count()).isEqualTo(3);
        assertThat(spec.axes().get(1).count()).isEqualTo(4);
        assertThat(spec.replicates()).isEqualTo(2);
        assertThat(spec.baseSeed()).isEqualTo(9);
    }
}
