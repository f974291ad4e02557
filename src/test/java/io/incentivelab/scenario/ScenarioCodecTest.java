package io.incentivelab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incentivelab.simulation.Simulator;
import io.incentivelab.simulation.model.CurveType;
import io.incentivelab.simulation.model.InvalidScenarioException;
import io.incentivelab.simulation.model.Metric;
import io.incentivelab.simulation.model.MinersSpec;
import io.incentivelab.simulation.model.Problem;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.model.YumaVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioCodecTest {

    private static final String MINIMAL = """
            {"schemaVersion": 1, "subnets": [{"name": "a"}]}""";

    @Test
    void minimalScenarioGetsRealNetworkDefaults() {
        Scenario s = ScenarioCodec.parse(MINIMAL);
        assertThat(s.network().tempo()).isEqualTo(360);
        assertThat(s.network().ownerShare()).isEqualTo(0.18);
        assertThat(s.network().effectiveHorizonEpochs()).isEqualTo(600);
        assertThat(s.subnets().get(0).limits().maxUids()).isEqualTo(256);
        assertThat(s.subnets().get(0).limits().validatorPermits()).isEqualTo(64);
        assertThat(s.subnets().get(0).yuma().version()).isEqualTo(YumaVersion.YUMA3);
        assertThat(s.subnets().get(0).commitReveal()).isTrue();
        assertThat(s.subnets().get(0).miners().compute().median()).isEqualTo(8);
        assertThat(s.subnets().get(0).metric()).isEqualTo(Metric.SPEED);
    }

    @Test
    void objectDefaultsAreMergedUnderWhatTheFileGives() {
        Scenario s = ScenarioCodec.parse("""
                {"subnets": [{"name": "a", "miners": {"operators": 10, "compute": {"sigma": 2}},
                  "rewardCurve": {"type": "POWER", "alpha": 3}}]}""");
        assertThat(s.subnets().get(0).miners().compute().median()).isEqualTo(8);
        assertThat(s.subnets().get(0).miners().compute().sigma()).isEqualTo(2);
        assertThat(s.subnets().get(0).rewardCurve().type()).isEqualTo(CurveType.POWER);
        assertThat(s.subnets().get(0).rewardCurve().alpha()).isEqualTo(3);
    }

    @Test
    void fullFormRoundTripsAndHashIsStable() {
        Scenario s = ScenarioCodec.parse(MINIMAL);
        Scenario again = ScenarioCodec.parse(ScenarioCodec.toJson(s));
        assertThat(again).isEqualTo(s);
        assertThat(ScenarioCodec.hash(again)).isEqualTo(ScenarioCodec.hash(s)).hasSize(64);
        // naming a default explicitly does not change the hash; changing a value does
        Scenario explicit = ScenarioCodec.parse("""
                {"schemaVersion": 1, "network": {"tempo": 360}, "subnets": [{"name": "a"}]}""");
        assertThat(ScenarioCodec.hash(explicit)).isEqualTo(ScenarioCodec.hash(s));
        Scenario other = ScenarioCodec.parse("""
                {"network": {"tempo": 361}, "subnets": [{"name": "a"}]}""");
        assertThat(ScenarioCodec.hash(other)).isNotEqualTo(ScenarioCodec.hash(s));
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() {
        List<Problem> problems = ScenarioCodec.problems("""
                {"schemaVersion": 2, "colour": "red",
                 "network": {"tempo": "fast", "ownerShare": NaN, "emissionSplit": "RANDOM"},
                 "subnets": [
                   {"name": "a", "rewardCurve": {"type": "POWER", "alpha": -1}},
                   {"name": "a", "metric": "SPEEED"},
                   {"name": "c", "miners": {"operators": 2.5, "cheaterFraction": 1.5}, "verification": {"auditRate": true}}
                 ]}""");
        assertThat(problems).extracting(Problem::path).contains(
                "$.schemaVersion", "$.colour", "$.network.tempo", "$.network.ownerShare", "$.network.emissionSplit",
                "$.subnets[0].rewardCurve.alpha", "$.subnets[1].name", "$.subnets[1].metric",
                "$.subnets[2].miners.operators", "$.subnets[2].miners.cheaterFraction",
                "$.subnets[2].verification.auditRate");
        assertThat(message(problems, "$.subnets[0].rewardCurve.alpha")).contains("greater than 0 and at most 64").contains("-1");
        assertThat(message(problems, "$.network.ownerShare")).contains("finite");
        assertThat(message(problems, "$.schemaVersion")).isEqualTo("must be 1 (got 2)");
        assertThat(message(problems, "$.subnets[1].metric")).contains("SPEED, STORAGE, ACCURACY, MIXED");
        assertThat(message(problems, "$.colour")).contains("unknown field");
        assertThat(message(problems, "$.subnets[1].name")).contains("duplicate");
        assertThat(message(problems, "$.subnets[2].miners.operators")).contains("integer");
        assertThat(message(problems, "$.subnets[2].miners.cheaterFraction")).contains("between 0 and 1");
        assertThat(message(problems, "$.network.tempo")).contains("integer between 1 and 50400");
    }

    @Test
    void limitsAreStatedInTheMessages() {
        StringBuilder subnets = new StringBuilder();
        for (int i = 0; i < 129; i++) {
            subnets.append(i == 0 ? "" : ",").append("{\"name\":\"s").append(i).append("\"}");
        }
        List<Problem> tooMany = ScenarioCodec.problems("{\"subnets\":[" + subnets + "]}");
        assertThat(message(tooMany, "$.subnets")).contains("at most 128");

        List<Problem> uids = ScenarioCodec.problems("""
                {"subnets": [{"name": "a", "miners": {"operators": 200}, "validators": {"count": 64}}]}""");
        assertThat(message(uids, "$.subnets[0].miners.operators")).contains("264").contains("maxUids (256)");

        List<Problem> horizon = ScenarioCodec.problems("""
                {"network": {"horizonDays": 1400, "tempo": 100}, "subnets": [{"name": "a"}]}""");
        assertThat(message(horizon, "$.network.horizonDays")).contains("at most 29200 epochs");

        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 128; i++) {
            big.append(i == 0 ? "" : ",").append("{\"name\":\"s").append(i).append("\"}");
        }
        List<Problem> work = ScenarioCodec.problems("{\"network\":{\"horizonDays\":1000},\"subnets\":[" + big + "]}");
        assertThat(message(work, "$")).contains("too large").contains("250000000");

        // commit-reveal holds revealPeriodEpochs weight matrices per subnet: 38 × (100 × 64 × 256 × 4 B) = 237.5 MB
        // fits; one more subnet of 200 validators (19.5 MB) passes 256 MB, and that subnet, the largest, is named
        StringBuilder reveal = new StringBuilder();
        for (int i = 0; i < 38; i++) {
            reveal.append(i == 0 ? "" : ",").append("{\"name\":\"s").append(i).append("\",\"revealPeriodEpochs\":100}");
        }
        assertThat(ScenarioCodec.problems("{\"subnets\":[" + reveal + "]}")).isEmpty();
        String heavy = "{\"name\":\"heavy\",\"revealPeriodEpochs\":100,\"miners\":{\"operators\":56},"
                + "\"validators\":{\"count\":200}}";
        List<Problem> commits = ScenarioCodec.problems("{\"subnets\":[" + reveal + "," + heavy + "]}");
        assertThat(commits).extracting(Problem::path).containsExactly("$.subnets[38].revealPeriodEpochs");
        assertThat(commits.get(0).message()).contains("at most 256 MB").contains("lower revealPeriodEpochs");
        // without commit-reveal nothing is held
        assertThat(ScenarioCodec.problems("{\"subnets\":[" + reveal + ","
                + heavy.replace("\"revealPeriodEpochs\"", "\"commitReveal\":false,\"revealPeriodEpochs\"") + "]}"))
                .isEmpty();
    }

    @Test
    void crossFieldRules() {
        List<Problem> p = ScenarioCodec.problems("""
                {"network": {"ownerShare": 0.5, "emissionSplit": "FIXED"},
                 "subnets": [{"name": "bad name!", "metric": "MIXED", "emissionShare": 0,
                              "validators": {"count": 3, "stake": {"distribution": "EXPLICIT", "explicitTao": [1, 2]},
                                             "weightCopierFraction": 0.6, "cartelFraction": 0.6},
                              "yuma": {"alphaLow": 0.95}}]}""");
        assertThat(p).extracting(Problem::path).containsExactlyInAnyOrder(
                "$.network", "$.subnets[0].name", "$.subnets[0].metricWeights", "$.subnets[0].validators",
                "$.subnets[0].validators.stake.explicitTao", "$.subnets[0].yuma.alphaLow", "$.subnets");
    }

    @Test
    void notJsonAndWrongShapesAreProblemsNotStackTraces() {
        assertThat(ScenarioCodec.problems("{not json")).singleElement()
                .satisfies(pr -> assertThat(pr.path()).isEqualTo("$"))
                .satisfies(pr -> assertThat(pr.message()).startsWith("not valid JSON"));
        assertThat(ScenarioCodec.problems("[1,2]")).extracting(Problem::path).contains("$");
        assertThat(ScenarioCodec.problems("{}")).extracting(Problem::toString).contains("$.subnets: is required");
        assertThat(ScenarioCodec.problems("{\"subnets\": [{\"name\": null}]}"))
                .extracting(Problem::path).contains("$.subnets[0].name");
        assertThat(ScenarioCodec.problems("{\"subnets\": [{\"name\": \"a\", \"network\": 1}]}"))
                .extracting(Problem::path).containsExactly("$.subnets[0].network");
        assertThatThrownBy(() -> ScenarioCodec.parse("{\"subnets\": 3}"))
                .isInstanceOf(InvalidScenarioException.class).hasMessageContaining("$.subnets: must be an array");
    }

    @Test
    void treesFromAPlainObjectMapperReadTheSame() throws Exception {
        var tree = new ObjectMapper().readTree(
                "{\"network\": {\"tempo\": 100, \"ownerShare\": 0.2, \"minerShare\": 0.4, \"validatorShare\": 0.4},"
                        + " \"subnets\": [{\"name\": \"a\"}]}");
        Scenario s = ScenarioCodec.parse(tree);
        assertThat(s.network().tempo()).isEqualTo(100);
        assertThat(s.network().ownerShare()).isEqualTo(0.2);
        assertThat(ScenarioCodec.parse(ScenarioCodec.toJsonNode(s))).isEqualTo(s);
    }

    @Test
    void theSimulatorRefusesAnInvalidScenarioBuiltInCode() {
        Scenario ok = ScenarioCodec.parse(MINIMAL);
        var sn = ok.subnets().get(0);
        var badMiners = new MinersSpec(300, 1, sn.miners().placement(),
                sn.miners().compute(), sn.miners().storage(), sn.miners().quality(), 0, 4, 0);
        var badSubnet = new SubnetSpec(sn.name(), sn.metric(), sn.metricWeights(),
                sn.rewardCurve(), sn.verification(), sn.yuma(), sn.limits(), sn.commitReveal(), sn.revealPeriodEpochs(),
                sn.emissionShare(), badMiners, sn.validators());
        Scenario bad = new Scenario(1, "x", "", ok.network(), List.of(badSubnet));
        assertThatThrownBy(() -> new Simulator(bad))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("$.subnets[0].miners.operators: must be between 1 and 256 (got 300)");
    }

    @Test
    void integralNumbersAreAcceptedForIntegers() {
        Scenario s = ScenarioCodec.parse("{\"network\": {\"tempo\": 360.0}, \"subnets\": [{\"name\": \"a\"}]}");
        assertThat(s.network().tempo()).isEqualTo(360);
    }

    @Test
    void schemaDocumentsEveryField() {
        var schema = ScenarioSchema.generate();
        assertThat(schema.get("$schema").asText()).contains("2020-12");
        var alpha = schema.at("/properties/subnets/items/properties/rewardCurve/properties/alpha");
        assertThat(alpha.get("description").asText()).isNotBlank();
        assertThat(alpha.get("exclusiveMinimum").asInt()).isZero();
        assertThat(alpha.get("default").asDouble()).isEqualTo(2);
        assertThat(schema.at("/properties/subnets/maxItems").asInt()).isEqualTo(128);
        assertThat(schema.at("/properties/subnets/items/required/0").asText()).isEqualTo("name");
        assertThat(schema.at("/properties/subnets/items/properties/metric/enum").toString()).contains("MIXED");
        // every property anywhere carries a description
        List<String> missing = new ArrayList<>();
        walk(schema, "", missing);
        assertThat(missing).isEmpty();
    }

    private static void walk(JsonNode node, String path, List<String> missing) {
        var props = node.get("properties");
        if (props != null) {
            props.fields().forEachRemaining(e -> {
                if (!e.getValue().hasNonNull("description")) {
                    missing.add(path + "/" + e.getKey());
                }
                walk(e.getValue(), path + "/" + e.getKey(), missing);
            });
        }
        if (node.has("items")) {
            walk(node.get("items"), path + "[]", missing);
        }
    }

    private static String message(List<Problem> problems, String path) {
        return problems.stream().filter(p -> p.path().equals(path)).map(Problem::message).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + " in " + problems));
    }
}
