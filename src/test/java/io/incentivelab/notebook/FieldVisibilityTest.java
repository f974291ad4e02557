package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.scenario.ScenarioCodec;
import org.junit.jupiter.api.Test;

/** The scenario form shows only what the engine reads (issue 20, item 7). */
class FieldVisibilityTest {

    private static ObjectNode scenario(String json) {
        return (ObjectNode) ScenarioCodec.readTree(json);
    }

    private static final String S0 = "$.subnets[0].";

    @Test
    void onlyTheChosenCurvesParameterIsShown() {
        ObjectNode s = scenario("{\"subnets\":[{\"name\":\"a\"},{\"name\":\"b\",\"rewardCurve\":{\"type\":\"TOP_K\"}}]}");
        assertThat(FieldVisibility.relevant(s, S0 + "rewardCurve.type")).isTrue();
        for (String p : new String[]{"alpha", "tau", "k", "decay", "theta"}) {
            assertThat(FieldVisibility.relevant(s, S0 + "rewardCurve." + p)).as(p).isFalse();
        }
        assertThat(FieldVisibility.relevant(s, "$.subnets[1].rewardCurve.k")).isTrue();
        assertThat(FieldVisibility.relevant(s, "$.subnets[1].rewardCurve.alpha")).isFalse();
        ObjectNode power = scenario("{\"subnets\":[{\"name\":\"a\",\"rewardCurve\":{\"type\":\"POWER\"}}]}");
        assertThat(FieldVisibility.relevant(power, S0 + "rewardCurve.alpha")).isTrue();
    }

    @Test
    void economicsAndMarketFieldsShowOnlyWhenTheirSwitchIsOn() {
        ObjectNode off = scenario("{\"subnets\":[{\"name\":\"a\"}]}");
        assertThat(FieldVisibility.relevant(off, "$.economics.enabled")).isTrue();
        assertThat(FieldVisibility.relevant(off, "$.economics.arrivalsPerDay")).isFalse();
        assertThat(FieldVisibility.relevant(off, "$.economics.costs")).isFalse();
        assertThat(FieldVisibility.relevant(off, "$.network.market")).isFalse();
        assertThat(FieldVisibility.relevant(off, S0 + "market.poolTao")).isFalse();
        assertThat(FieldVisibility.relevant(off, S0 + "emissionShare")).isFalse();
        assertThat(FieldVisibility.relevant(off, "$.network.emissionSplit")).isTrue();

        ObjectNode on = scenario("{\"network\":{\"emissionSplit\":\"PRICE_EMA\",\"market\":{\"gate\":\"QUANTILE\"}},"
                + "\"economics\":{\"enabled\":true},\"subnets\":[{\"name\":\"a\"}]}");
        assertThat(FieldVisibility.relevant(on, "$.economics.arrivalsPerDay")).isTrue();
        assertThat(FieldVisibility.relevant(on, "$.network.market")).isTrue();
        assertThat(FieldVisibility.relevant(on, "$.network.market.priceEmaAlpha")).isTrue();
        assertThat(FieldVisibility.relevant(on, "$.network.market.flowEmaRate")).isFalse();
        assertThat(FieldVisibility.relevant(on, "$.network.market.barQuantile")).isTrue();
        assertThat(FieldVisibility.relevant(on, "$.network.market.barRank")).isFalse();
        assertThat(FieldVisibility.relevant(on, S0 + "market.poolTao")).isTrue();
        assertThat(FieldVisibility.relevant(scenario("{\"network\":{\"emissionSplit\":\"FIXED\"},\"subnets\":[{\"name\":\"a\"}]}"),
                S0 + "emissionShare")).isTrue();
    }

    @Test
    void stakeCartelCheatAndYumaDetailsFollowTheirChoice() {
        ObjectNode s = scenario("{\"subnets\":[{\"name\":\"a\"}]}");
        assertThat(FieldVisibility.relevant(s, S0 + "validators.stake.totalTao")).isTrue();
        assertThat(FieldVisibility.relevant(s, S0 + "validators.stake.rootTao")).isTrue();
        assertThat(FieldVisibility.relevant(s, S0 + "validators.stake.explicitTao")).isFalse();
        assertThat(FieldVisibility.relevant(s, S0 + "validators.cartelBoost")).isFalse();
        assertThat(FieldVisibility.relevant(s, S0 + "miners.cheaterOverclaim")).isFalse();
        assertThat(FieldVisibility.relevant(s, S0 + "yuma.alphaLow")).isFalse();
        assertThat(FieldVisibility.relevant(s, S0 + "metricWeights")).isFalse();
        assertThat(FieldVisibility.relevant(s, S0 + "revealPeriodEpochs")).isTrue();
        assertThat(FieldVisibility.relevant(s, S0 + "miners.operators")).isTrue();

        ObjectNode t = scenario("{\"subnets\":[{\"name\":\"a\",\"metric\":\"MIXED\",\"commitReveal\":false,"
                + "\"yuma\":{\"liquidAlpha\":true},\"miners\":{\"cheaterFraction\":0.2},"
                + "\"validators\":{\"count\":2,\"cartelFraction\":0.5,\"stake\":{\"distribution\":\"EXPLICIT\",\"explicitTao\":[1,2]}}}]}");
        assertThat(FieldVisibility.relevant(t, S0 + "validators.stake.explicitTao")).isTrue();
        assertThat(FieldVisibility.relevant(t, S0 + "validators.stake.explicitRootTao")).isTrue();
        assertThat(FieldVisibility.relevant(t, S0 + "validators.stake.totalTao")).isFalse();
        assertThat(FieldVisibility.relevant(t, S0 + "validators.cartelOperators")).isTrue();
        assertThat(FieldVisibility.relevant(t, S0 + "miners.cheaterOverclaim")).isTrue();
        assertThat(FieldVisibility.relevant(t, S0 + "yuma.alphaHigh")).isTrue();
        assertThat(FieldVisibility.relevant(t, S0 + "metricWeights")).isTrue();
        assertThat(FieldVisibility.relevant(t, S0 + "revealPeriodEpochs")).isFalse();
    }
}
