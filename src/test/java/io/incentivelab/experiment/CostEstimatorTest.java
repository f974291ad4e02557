package io.incentivelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The cost preview: timed per scenario, corrected by recent experiments, runs in waves of the threads (issue 20). */
class CostEstimatorTest {

    private static ExperimentPlan plan(String scenario, int replicates) {
        return ExperimentRunnerTest.plan("""
                { "schemaVersion": 1, "name": "p", "scenarios": [ {"label": "a", "scenario": %s} ],
                  "replicates": %d, "baseSeed": 1 }""".formatted(scenario, replicates), new FakeEngine());
    }

    @Test
    void aSlowScenarioIsTimedAsItselfNotAsTheFirstScenarioPreviewed() {
        CostEstimator estimator = new CostEstimator(new FakeEngine(), 10);
        double fast = estimator.preview(plan("{\"epochs\": 4, \"sleepMillis\": 1}", 1), 1).secondsPerRun();
        double slow = estimator.preview(plan("{\"epochs\": 4, \"sleepMillis\": 30}", 1), 1).secondsPerRun();
        // four sleeps of 30 ms: 0.12 s a run; sleeps only overshoot, so the lower bound is firm
        assertThat(slow).isBetween(0.10, 0.40);
        assertThat(slow).isGreaterThan(5 * fast);
    }

    @Test
    void recentExperimentsCorrectTheEstimateByTheirMedianRatio() {
        CostEstimator estimator = new CostEstimator(new FakeEngine(), 10);
        ExperimentPlan p = plan("{\"epochs\": 4, \"sleepMillis\": 2}", 3);
        CostPreview before = estimator.preview(p, 2);
        assertThat(before.recentExperiments()).isZero();
        double spr = before.secondsPerRun();
        // three runs on two threads: two waves
        assertThat(before.estimatedSeconds()).isCloseTo(2 * spr, within(1e-12));

        estimator.observe(spr, 3 * spr);
        estimator.observe(spr, 2 * spr);
        estimator.observe(spr, 4 * spr);
        estimator.observe(spr, 100 * spr); // a stall, not a calibration error: ignored
        estimator.observe(Double.NaN, spr); // nothing known: ignored
        estimator.observe(spr, 0);
        CostPreview after = estimator.preview(p, 2);
        assertThat(after.recentExperiments()).isEqualTo(3);
        assertThat(after.secondsPerRun() / spr).isCloseTo(3.0, within(1e-9));
        assertThat(after.estimatedSeconds()).isCloseTo(2 * after.secondsPerRun(), within(1e-12));
    }

    @Test
    void theCorrectionForgetsAllButTheLastSixteenExperiments() {
        CostEstimator estimator = new CostEstimator(new FakeEngine(), 10);
        ExperimentPlan p = plan("{\"epochs\": 4, \"sleepMillis\": 1}", 1);
        double spr = estimator.preview(p, 1).secondsPerRun();
        for (int i = 0; i < 20; i++) {
            estimator.observe(spr, 10 * spr);
        }
        for (int i = 0; i < 16; i++) {
            estimator.observe(spr, 0.5 * spr);
        }
        CostPreview after = estimator.preview(p, 1);
        assertThat(after.recentExperiments()).isEqualTo(16);
        assertThat(after.secondsPerRun() / spr).isCloseTo(0.5, within(1e-9));
        assertThat(CostEstimator.median(new double[]{3, 1, 2, 10})).isEqualTo(2.5);
    }
}
