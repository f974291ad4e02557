package io.incentivelab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.simulation.scoring.ScoringParser;
import java.util.Map;
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
        assertThat((Double) line.get("value")).isCloseTo(builtIn / expr, org.assertj.core.data.Offset.offset(0.01));
        assertThat(line).containsKeys("ratioSpeedExpression", "withinTarget", "speedExpressionSubnetEpochsPerSecond");
        assertThat(BenchWorkloads.all()).extracting(BenchWorkload::name).contains("engine-scoring");
        // the benched expression is canonical and reads only speed (and the exact gpuClass)
        assertThat(ScoringParser.parse(EngineScoringWorkload.EXPRESSION).print()).isEqualTo(EngineScoringWorkload.EXPRESSION);
    }
}
