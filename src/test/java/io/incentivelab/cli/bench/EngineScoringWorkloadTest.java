package io.incentivelab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.Simulator;
import io.incentivelab.simulation.scoring.ScoringParser;
import io.incentivelab.simulation.scoring.ScoringProgram;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EngineScoringWorkloadTest {

    @Test
    void reportsBothRatesAndTheirRatioInOneLine() {
        Map<String, Object> line = new EngineScoringWorkload(5, 50, 2, 50).run().get(0);
        assertThat(line.get("workload")).isEqualTo("engine-scoring");
        double builtIn = (Double) line.get("builtInSpeedSubnetEpochsPerSecond");
        double expr = (Double) line.get("expressionSubnetEpochsPerSecond");
        assertThat(builtIn).isPositive();
        assertThat(expr).isPositive();
        assertThat((Double) line.get("value")).isCloseTo(builtIn / expr, Offset.offset(0.01));
        assertThat(line).containsKeys("ratioSpeedExpression", "withinTarget", "speedExpressionSubnetEpochsPerSecond",
                "ratioOtherScores", "otherScoresSubnetEpochsPerSecond");
        assertThat(BenchWorkloads.all()).extracting(BenchWorkload::name).contains("engine-scoring");
        // the benched expression is canonical and reads only speed (and the exact gpuClass)
        assertThat(ScoringParser.parse(EngineScoringWorkload.EXPRESSION).print()).isEqualTo(EngineScoringWorkload.EXPRESSION);
    }

    @Test
    void theBenchedExpressionScoresExactlyAsSpeedInFourLoops() {
        assertThat(ScoringProgram.compile(
                ScoringParser.parse(EngineScoringWorkload.EXPRESSION)).operations()).isEqualTo(4);
        String scenario = """
                {"network": {"horizonEpochs": 30, "sampleEveryEpochs": 10},
                 "subnets": [{"name": "bench", "metric": "SPEED", "scoring": "%s",
                              "miners": {"operators": 40, "gpuClassShares": [1, 1, 1, 1]},
                              "validators": {"count": 8}}]}""";
        var builtIn = ScenarioCodec.parse(scenario.formatted(""));
        var expr = ScenarioCodec.parse(scenario.formatted(EngineScoringWorkload.EXPRESSION));
        var other = ScenarioCodec.parse(scenario.formatted(EngineScoringWorkload.OTHER_SCORES));
        var a = new Simulator(builtIn).run(4).summary();
        assertThat(new Simulator(expr).run(4).summary()).isEqualTo(a);
        assertThat(new Simulator(other).run(4).summary()).isNotEqualTo(a);
    }
}
