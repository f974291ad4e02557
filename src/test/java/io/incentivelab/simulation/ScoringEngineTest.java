package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.output.RunOutput;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.emission.SubnetEmissionSplit;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaWorkspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scoring expressions in the engine (issue 18): equivalence with the built-in metrics, gates, duplicates. */
class ScoringEngineTest {

    private static Scenario scenario(String subnet) {
        return ScenarioCodec.parse("{\"network\":{\"horizonEpochs\":40,\"sampleEveryEpochs\":10},\"subnets\":["
                + subnet + "]}");
    }

    private static Scenario withScoring(Scenario s, String expression) {
        SubnetSpec sn = s.subnets().get(0).withScoring(expression);
        return new Scenario(s.schemaVersion(), s.name(), s.description(), s.network(), List.of(sn));
    }

    /** The run's JSON without its manifest (whose scenario hash differs by construction). */
    private static String results(Scenario s, long seed) {
        var node = RunOutput.toJsonNode(s, new Simulator(s).run(seed));
        node.remove("manifest");
        return node.toString();
    }

    @Test
    void theExpressionOfABuiltInMetricGivesItsResultsDrawForDraw() {
        String[][] cases = {
            {"{\"name\":\"a\",\"miners\":{\"operators\":12,\"uidsPerOperator\":2},\"validators\":{\"count\":5}}",
                "speed"},
            {"{\"name\":\"b\",\"metric\":\"STORAGE\",\"miners\":{\"operators\":12,\"cheaterFraction\":0.25},"
                + "\"verification\":{\"auditRate\":0.3},\"validators\":{\"count\":5}}", "storage"},
            {"{\"name\":\"c\",\"metric\":\"ACCURACY\",\"miners\":{\"operators\":12,\"copierFraction\":0.25},"
                + "\"rewardCurve\":{\"type\":\"SOFTMAX\",\"tau\":0.05},\"validators\":{\"count\":5}}",
                "quality"}};
        for (String[] c : cases) {
            Scenario builtIn = scenario(c[0]);
            Scenario expr = withScoring(builtIn, c[1]);
            for (long seed = 1; seed <= 3; seed++) {
                assertThat(results(expr, seed)).as(c[1] + " seed " + seed).isEqualTo(results(builtIn, seed));
            }
            // a different expression does change the results
            assertThat(results(withScoring(builtIn, c[1] + " * " + c[1]), 1)).isNotEqualTo(results(builtIn, 1));
        }
    }

    @Test
    void theCanonicalFormLeavesTheNewFieldsOutAtTheirDefaults() {
        Scenario s = scenario("{\"name\":\"a\"}");
        String json = ScenarioCodec.canonicalJson(s);
        assertThat(json).doesNotContain("scoring").doesNotContain("gpuClassShares").doesNotContain("latency")
                .doesNotContain("duplicateDetection");
        Scenario scored = withScoring(s, "gate(speed, 2)");
        assertThat(ScenarioCodec.canonicalJson(scored)).contains("\"scoring\":\"gate(speed, 2)\"");
        assertThat(ScenarioCodec.hash(scored)).isNotEqualTo(ScenarioCodec.hash(s));
        assertThat(ScenarioCodec.parse(ScenarioCodec.toJson(scored))).isEqualTo(scored);
    }

    @Test
    void theCodecNamesTheFieldAndTheColumnOfASyntaxError() {
        var problems = ScenarioCodec.problems("{\"subnets\":[{\"name\":\"a\"},{\"name\":\"b\","
                + "\"scoring\":\"speed * (quality + )\"}]}");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo("$.subnets[1].scoring");
        assertThat(problems.get(0).message()).startsWith("column 20: expected a number");
        assertThat(ScenarioCodec.problems("{\"subnets\":[{\"name\":\"a\",\"miners\":{\"gpuClassShares\":[0,0]}}]}"))
                .extracting(p -> p.path()).containsExactly("$.subnets[0].miners.gpuClassShares");
    }

    /** One subnet run directly, so that each operator's earnings and resources can be read. */
    private static SubnetRun runSubnet(Scenario s, long seed, int epochs) {
        SubnetSpec spec = s.subnets().get(0);
        SubnetRun r = new SubnetRun(spec, 0, seed, new SubnetEmissionSplit(11796, 0.5),
                new YumaConsensus(Simulator.yumaParams(spec, 360)), s.economics(), 0,
                NormalTable.lognormal(spec.validators().noiseSigma()), s.network().market().taoWeight());
        YumaWorkspace ws = new YumaWorkspace();
        for (int e = 0; e < epochs; e++) {
            r.step(e, (e + 1) * 360L, 1_000_000_000_000L, ws);
        }
        return r;
    }

    private static double shareOfLowQuality(SubnetRun r, double below) {
        double low = 0;
        double all = 0;
        for (Operator op : r.operators()) {
            all += op.earnedRao;
            if (op.quality < below) {
                low += op.earnedRao;
            }
        }
        return low / all;
    }

    @Test
    void aQualityGateRemovesLowQualityMinersEmission() {
        // quality ~ Beta(2, 2): about a third of operators below 0.4; the gate is at a measured 0.6
        String subnet = "{\"name\":\"g\",\"miners\":{\"operators\":60,\"quality\":{\"alpha\":2,\"beta\":2}},"
                + "\"validators\":{\"count\":8}}";
        Scenario ungated = withScoring(scenario(subnet), "speed");
        Scenario gated = withScoring(scenario(subnet), "speed * step(quality, 0.6)");
        double ungatedShare = 0;
        double gatedShare = 0;
        for (long seed = 1; seed <= 10; seed++) {
            ungatedShare += shareOfLowQuality(runSubnet(ungated, seed, 30), 0.4) / 10;
            double g = shareOfLowQuality(runSubnet(gated, seed, 30), 0.4);
            // measured quality = Binomial(100, q)/100 × noise: below 0.4 it passes 0.6 with tiny probability
            assertThat(g).as("seed " + seed).isLessThan(0.01);
            gatedShare += g / 10;
        }
        // without the gate they earn in proportion to their compute: about a third of the emission
        assertThat(ungatedShare).isBetween(0.2, 0.5);
        assertThat(gatedShare).isLessThan(ungatedShare / 50);
    }

    @Test
    void duplicateDetectionTakesTheEmissionOfAnOperatorsCopies() {
        String subnet = "{\"name\":\"d\",\"metric\":\"ACCURACY\",\"miners\":{\"operators\":20,\"uidsPerOperator\":3},"
                + "\"verification\":{\"duplicateDetection\":%s,\"penaltyEpochs\":5},\"validators\":{\"count\":6}}";
        SubnetRun off = runSubnet(scenario(String.format(subnet, "0")), 3, 30);
        SubnetRun on = runSubnet(scenario(String.format(subnet, "1")), 3, 30);
        // with certain detection only each operator's first UID earns; without it all three do
        double offCopies = 0;
        double onCopies = 0;
        for (int j = 0; j < off.minerSlots(); j++) {
            boolean first = off.owners()[j].slots[0] == j;
            if (!first) {
                offCopies += off.payment().lastEpochRao()[j];
                onCopies += on.payment().lastEpochRao()[j];
            }
        }
        assertThat(offCopies).isPositive();
        assertThat(onCopies).isZero();
    }

    @Test
    void gpuClassesAndLatencyAreDrawnPerOperatorAndRead() {
        Scenario s = scenario("{\"name\":\"h\",\"miners\":{\"operators\":200,\"gpuClassShares\":[0.5,0.3,0.2],"
                + "\"latency\":{\"median\":0.2,\"sigma\":0.3}},\"validators\":{\"count\":4},"
                + "\"scoring\":\"speed * step(gpuClass, 1) * inverse(latency)\"}");
        SubnetRun r = runSubnet(s, 9, 10);
        int[] perClass = new int[3];
        double classZeroRao = 0;
        for (Operator op : r.operators()) {
            perClass[op.gpuClass]++;
            assertThat(op.latency).isPositive();
            if (op.gpuClass == 0) {
                classZeroRao += op.earnedRao;
            }
        }
        assertThat(perClass[0]).isBetween(75, 125);
        assertThat(perClass[1]).isBetween(40, 80);
        assertThat(perClass[2]).isBetween(20, 60);
        assertThat(classZeroRao).as("class 0 is not eligible").isZero();
        // the draw is per operator id: the same operators get the same hardware in another scenario shape
        SubnetRun again = runSubnet(withScoring(s, "speed"), 9, 1);
        for (int o = 0; o < r.operators().size(); o++) {
            assertThat(again.operators().get(o).gpuClass).isEqualTo(r.operators().get(o).gpuClass);
            assertThat(again.operators().get(o).latency).isEqualTo(r.operators().get(o).latency);
        }
    }
}
