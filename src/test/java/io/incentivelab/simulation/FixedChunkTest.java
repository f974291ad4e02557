package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.output.RunOutput;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Under FIXED/EQUAL the simulator steps each subnet through the epochs up to the next sample or decision in a row
 * ({@link Simulator#fixedChunk}); the results must be byte for byte those of stepping every subnet one epoch at a
 * time, which is what a market rule does.
 */
class FixedChunkTest {

    @Test
    void aChunkEndsAtTheNextSampleDecisionHorizonOrLimit() {
        assertThat(Simulator.fixedChunk(0, 100, 10, 0, 32)).isEqualTo(10);
        assertThat(Simulator.fixedChunk(0, 100, 50, 0, 32)).isEqualTo(32);
        assertThat(Simulator.fixedChunk(0, 100, 50, 20, 32)).isEqualTo(20);
        assertThat(Simulator.fixedChunk(15, 100, 7, 0, 32)).isEqualTo(6); // next sample at 21
        assertThat(Simulator.fixedChunk(15, 100, 7, 20, 32)).isEqualTo(5); // the decision at 20 comes first
        assertThat(Simulator.fixedChunk(18, 100, 7, 20, 32)).isEqualTo(2); // next decision at 20
        assertThat(Simulator.fixedChunk(95, 100, 1000, 0, 32)).isEqualTo(5);
        assertThat(Simulator.fixedChunk(3, 100, 10, 0, 1)).isEqualTo(1);
    }

    /** Over random horizons and intervals, chunks tile the horizon and every sample and decision ends one. */
    @Test
    void chunksTileTheHorizonAndEndAtEverySampleAndDecision() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 2000; trial++) {
            int epochs = 1 + rng.nextInt(300);
            int every = 1 + rng.nextInt(60);
            int decide = rng.nextBoolean() ? 0 : 1 + rng.nextInt(60);
            int max = 1 + rng.nextInt(Simulator.MAX_CHUNK);
            int e = 0;
            while (e < epochs) {
                int chunk = Simulator.fixedChunk(e, epochs, every, decide, max);
                assertThat(chunk).isBetween(1, max);
                for (int k = 0; k < chunk - 1; k++) { // no epoch inside the chunk samples or decides
                    int done = e + k + 1;
                    assertThat(done % every).isNotZero();
                    if (decide > 0) {
                        assertThat(done % decide).isNotZero();
                    }
                }
                e += chunk;
            }
            assertThat(e).isEqualTo(epochs);
        }
    }

    @Test
    void chunkedRunsGiveTheBytesOfEpochByEpochRuns() {
        String moving = String.format(EconomicsTest.MOVING, "DECAY_2026")
                .replace("\"sampleEveryEpochs\": 10", "\"sampleEveryEpochs\": 7")
                .replace("\"decisionIntervalEpochs\": 10", "\"decisionIntervalEpochs\": 9");
        String tempos = """
                {"network": {"horizonEpochs": 61, "sampleEveryEpochs": 25, "emissionSplit": "FIXED"},
                 "subnets": [
                   {"name": "fast", "tempo": 100, "emissionShare": 2, "miners": {"operators": 10}, "validators": {"count": 4}},
                   {"name": "slow", "tempo": 720, "metric": "STORAGE", "miners": {"operators": 8}, "validators": {"count": 3}},
                   {"name": "base", "rewardCurve": {"type": "TOP_K", "k": 3}, "miners": {"operators": 9}, "validators": {"count": 5}}]}""";
        for (String json : new String[]{DeterminismAndGoldenTest.SMALL, moving, tempos}) {
            Scenario s = ScenarioCodec.parse(json);
            String epochByEpoch = RunOutput.toJson(s, new Simulator(s, 1, 1).run(11), false);
            assertThat(RunOutput.toJson(s, new Simulator(s, 1, 5).run(11), false)).isEqualTo(epochByEpoch);
            assertThat(RunOutput.toJson(s, new Simulator(s, 2).run(11), false)).isEqualTo(epochByEpoch);
            assertThat(RunOutput.toJson(s, new Simulator(s, 1).run(11), false)).isEqualTo(epochByEpoch);
        }
    }
}
