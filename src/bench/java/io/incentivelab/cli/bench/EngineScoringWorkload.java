package io.incentivelab.cli.bench;

import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.Simulator;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code engine-scoring}: the engine bench's subnet (64 validators, 192 miners, proportional curve, noise on
 * every validator × UID every epoch) scored by the built-in SPEED metric and by compiled scoring expressions
 * over the same measured component, their timed rounds alternated in one run (built-in, expressions, …), single
 * thread, per second of the thread's CPU time. {@code value} is the cost ratio (built-in rate / expression rate;
 * the target is at most 1.2) of {@value #EXPRESSION}: four column loops that give SPEED's scores exactly (speed
 * is positive, gpuClass at least 0), so the run's weights, Yuma's work and results are the built-in run's and the
 * ratio is the cost of the expression path alone. {@code ratioSpeedExpression} is the same for the bare
 * expression {@code speed}, {@code ratioPreset} for the preset {@value #PRESET} (GPU-class multipliers; the
 * subnet's operators are spread over four classes in every run), and {@code ratioOtherScores} for
 * {@value #OTHER_SCORES}, whose different weights also change what Yuma's consensus selection costs.
 */
final class EngineScoringWorkload implements BenchWorkload {

    static final String EXPRESSION = "gate(speed, 0) * step(gpuClass, 0) + min(speed, 0) * 2";
    static final String PRESET = "pick(gpuClass, 0, 1, 2.5, 6) * speed";
    /** Four column loops after fusion that score differently from SPEED, so Yuma also does different work. */
    static final String OTHER_SCORES = "gate(speed, 4) * 2 + min(speed, 50) * step(gpuClass, 0)";

    private final int epochsPerRun;
    private final long warmupMs;
    private final int rounds;
    private final long roundMs;

    EngineScoringWorkload() {
        this(200, 3_000, 5, 1_500);
    }

    EngineScoringWorkload(int epochsPerRun, long warmupMs, int rounds, long roundMs) {
        this.epochsPerRun = epochsPerRun;
        this.warmupMs = warmupMs;
        this.rounds = rounds;
        this.roundMs = roundMs;
    }

    @Override
    public String name() {
        return "engine-scoring";
    }

    private Simulator simulator(String scoring) {
        return new Simulator(ScenarioCodec.parse("""
                {"network": {"horizonEpochs": %d, "sampleEveryEpochs": 20},
                 "subnets": [{"name": "bench", "metric": "SPEED", "scoring": "%s",
                              "miners": {"operators": 192, "gpuClassShares": [1, 1, 1, 1]},
                              "validators": {"count": 64}}]}"""
                .formatted(epochsPerRun, scoring)));
    }

    private static Supplier<Object> runs(Simulator sim) {
        long[] seed = {0};
        return () -> sim.run(++seed[0]);
    }

    @Override
    public List<Map<String, Object>> run() {
        CpuTimer.Warm builtIn = CpuTimer.warmUp(runs(simulator("")), warmupMs);
        CpuTimer.Warm bare = CpuTimer.warmUp(runs(simulator("speed")), warmupMs);
        CpuTimer.Warm expr = CpuTimer.warmUp(runs(simulator(EXPRESSION)), warmupMs);
        CpuTimer.Warm preset = CpuTimer.warmUp(runs(simulator(PRESET)), warmupMs);
        CpuTimer.Warm other = CpuTimer.warmUp(runs(simulator(OTHER_SCORES)), warmupMs);
        double[] b = new double[rounds];
        double[] s = new double[rounds];
        double[] x = new double[rounds];
        double[] p = new double[rounds];
        double[] o = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            b[r] = builtIn.round(roundMs)[0] * epochsPerRun;
            s[r] = bare.round(roundMs)[0] * epochsPerRun;
            x[r] = expr.round(roundMs)[0] * epochsPerRun;
            p[r] = preset.round(roundMs)[0] * epochsPerRun;
            o[r] = other.round(roundMs)[0] * epochsPerRun;
        }
        double presetRate = CpuTimer.median(p);
        double builtInRate = CpuTimer.median(b);
        double bareRate = CpuTimer.median(s);
        double exprRate = CpuTimer.median(x);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", name());
        line.put("value", CpuTimer.round(builtInRate / exprRate, 3));
        line.put("unit", "cost ratio expression / SPEED (target <= 1.2)");
        line.put("clock", "thread-cpu");
        line.put("expression", EXPRESSION);
        line.put("builtInSpeedSubnetEpochsPerSecond", CpuTimer.round(builtInRate, 1));
        line.put("expressionSubnetEpochsPerSecond", CpuTimer.round(exprRate, 1));
        line.put("speedExpressionSubnetEpochsPerSecond", CpuTimer.round(bareRate, 1));
        line.put("ratioSpeedExpression", CpuTimer.round(builtInRate / bareRate, 3));
        line.put("preset", PRESET);
        line.put("presetSubnetEpochsPerSecond", CpuTimer.round(presetRate, 1));
        line.put("ratioPreset", CpuTimer.round(builtInRate / presetRate, 3));
        double otherRate = CpuTimer.median(o);
        line.put("otherScores", OTHER_SCORES);
        line.put("otherScoresSubnetEpochsPerSecond", CpuTimer.round(otherRate, 1));
        line.put("ratioOtherScores", CpuTimer.round(builtInRate / otherRate, 3));
        line.put("withinTarget", builtInRate / exprRate <= 1.2);
        line.put("rounds", rounds);
        line.put("validators", 64);
        line.put("miners", 192);
        line.put("threads", 1);
        line.put("loadAverage", CpuTimer.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2));
        return List.of(line);
    }
}
