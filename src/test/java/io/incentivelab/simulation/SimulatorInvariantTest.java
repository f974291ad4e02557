package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.incentivelab.output.RunOutput;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Invariants of every run: emission conserved, shares summing to 1, measures in range. */
class SimulatorInvariantTest {

    /** Every metric, curve, behaviour and Yuma variant at once, on a FIXED split. */
    static final String EVERYTHING = """
            {"network": {"horizonEpochs": 60, "sampleEveryEpochs": 7, "emissionSplit": "FIXED",
                         "ownerShare": 0.2, "minerShare": 0.5, "validatorShare": 0.3},
             "subnets": [
               {"name": "mixed", "metric": "MIXED", "metricWeights": {"speed": 2, "storage": 1, "accuracy": 1},
                "rewardCurve": {"type": "THRESHOLD", "theta": 0.4}, "emissionShare": 3,
                "miners": {"operators": 20, "uidsPerOperator": 2, "cheaterFraction": 0.1, "copierFraction": 0.1},
                "validators": {"count": 12, "weightCopierFraction": 0.25, "cartelFraction": 0.25, "cartelOperators": 2}},
               {"name": "rank", "metric": "ACCURACY", "rewardCurve": {"type": "RANK_DECAY", "decay": 0.7},
                "yuma": {"version": "YUMA1"}, "commitReveal": false, "emissionShare": 1,
                "verification": {"evalSamples": 10},
                "miners": {"operators": 30, "placement": "RANDOM", "copierFraction": 0.2},
                "validators": {"count": 8, "noiseSigma": 0, "remeasureEveryEpochs": 5}},
               {"name": "soft", "metric": "STORAGE", "rewardCurve": {"type": "SOFTMAX", "tau": 0.2},
                "yuma": {"liquidAlpha": true, "bondsPenalty": 0.5}, "emissionShare": 1,
                "limits": {"validatorPermits": 4},
                "miners": {"operators": 25, "cheaterFraction": 0.3},
                "validators": {"count": 6, "stake": {"distribution": "EXPLICIT", "explicitTao": [5, 4, 3, 2, 1, 1]}}},
               {"name": "top", "metric": "SPEED", "rewardCurve": {"type": "TOP_K", "k": 3}, "emissionShare": 0,
                "miners": {"operators": 10}, "validators": {"count": 4, "stake": {"paretoShape": 0.5}}}
             ]}""";

    @Test
    void emissionIsConservedAndMatchesTheIssuanceRule() {
        Scenario s = ScenarioCodec.parse(EVERYTHING);
        RunResult r = new Simulator(s).run(3);
        Accounting a = r.accounting();
        // 60 epochs × 360 blocks at 0.5 TAO (start 11.7M is past the first halving)
        assertThat(a.issuedRao()).isEqualTo(60L * 360 * 500_000_000L);
        assertThat(a.paidRao()).isLessThanOrEqualTo(a.issuedRao());
        // flooring: at most one rao per UID and three per subnet each epoch
        assertThat(a.maxEpochUnpaidRao()).isLessThanOrEqualTo(a.maxUidsPerEpoch() + 3L * 4);
        assertThat(a.issuedRao() - a.paidRao()).isLessThanOrEqualTo(60 * a.maxEpochUnpaidRao());
        // owner 20 % of what the subnets received
        assertThat((double) a.ownerRao() / a.issuedRao()).isCloseTo(0.2, within(1e-6));
        assertThat((double) a.minerRao() / a.issuedRao()).isBetween(0.0, 0.5 + 1e-6);
    }

    @Test
    void theHalvingHappensByIssuanceInTheMiddleOfARun() {
        Scenario s = ScenarioCodec.parse("""
                {"network": {"horizonEpochs": 20, "sampleEveryEpochs": 1, "startIssuanceTao": 10497000},
                 "subnets": [{"name": "a", "miners": {"operators": 8}, "validators": {"count": 4}}]}""");
        RunResult r = new Simulator(s).run(1);
        // 3000 TAO at 1 TAO/block = 3000 blocks = 8 epochs + 120 blocks, then 0.5 TAO/block
        long expected = 3000L * 1_000_000_000L + (20L * 360 - 3000) * 500_000_000L;
        assertThat(r.accounting().issuedRao()).isEqualTo(expected);
        double[] block = r.timeSeries().series("network.blockEmissionTao");
        assertThat(block[7]).isEqualTo(1.0);
        assertThat(block[8]).isEqualTo(0.5);
        assertThat(r.timeSeries().series("network.issuanceTao")[19]).isCloseTo(10_497_000 + expected / 1e9, within(1e-6));
    }

    @Test
    void sharesSumToOneAndMeasuresStayInRange() {
        Scenario s = ScenarioCodec.parse(EVERYTHING);
        for (long seed = 1; seed <= 3; seed++) {
            RunResult r = new Simulator(s).run(seed);
            TimeSeries ts = r.timeSeries();
            List<String> subnets = List.of("mixed", "rank", "soft", "top");
            int[] ops = {20, 30, 25, 10};
            for (int i = 0; i < ts.samples(); i++) {
                for (String res : List.of("compute", "storage", "quality")) {
                    double sum = 0;
                    for (String sn : subnets) {
                        sum += ts.series("network.resourceShareBySubnet." + res + "." + sn)[i];
                    }
                    assertThat(sum).isCloseTo(1, within(1e-9));
                }
                double perDay = 0;
                for (int k = 0; k < subnets.size(); k++) {
                    String p = subnets.get(k) + ".";
                    double e = ts.series(p + "emissionTao")[i];
                    perDay += e;
                    assertThat(ts.series(p + "ownerEmissionTao")[i] + ts.series(p + "minerEmissionTao")[i]
                            + ts.series(p + "validatorEmissionTao")[i]).isCloseTo(e, within(1e-3));
                    double gini = ts.series(p + "giniEmission")[i];
                    double hhi = ts.series(p + "hhiEmission")[i];
                    double nak = ts.series(p + "nakamotoEmission")[i];
                    double top1 = ts.series(p + "top1Share")[i];
                    double top10 = ts.series(p + "top10Share")[i];
                    boolean paid = ts.series(p + "minerEmissionTao")[i] > 0;
                    assertThat(gini).isBetween(0.0, 1.0);
                    assertThat(top1).isBetween(0.0, 1.0).isLessThanOrEqualTo(top10 + 1e-12);
                    assertThat(top10).isBetween(0.0, 1.0 + 1e-12);
                    if (paid) {
                        assertThat(hhi).isBetween(1.0 / ops[k] - 1e-12, 1.0 + 1e-12);
                        assertThat(nak).isBetween(1.0, (double) ops[k]);
                        assertThat(ts.series(p + "effectiveOperators")[i]).isCloseTo(1 / hhi, within(1e-9));
                    }
                    for (String share : List.of("cheaterEmissionShare", "copierEmissionShare", "cartelEmissionShare",
                            "weightCopierDividendShare", "cartelDividendShare", "validatorDividendGini")) {
                        assertThat(ts.series(p + share)[i]).isBetween(0.0, 1.0);
                    }
                }
                // FIXED split 3:1:1:0 of 3600 TAO/day
                assertThat(perDay).isCloseTo(3600, within(1e-3));
                assertThat(ts.series("mixed.emissionTao")[i]).isCloseTo(3600 * 0.6, within(1e-3));
                assertThat(ts.series("top.emissionTao")[i]).isZero();
                double cross = ts.series("network.crossSubnetHhi")[i];
                assertThat(cross).isCloseTo(0.36 + 0.04 + 0.04, within(1e-6));
            }
        }
    }

    @Test
    void flatMapHasAFixedKeyOrderMatchingTheTimeSeries() {
        Scenario s = ScenarioCodec.parse(EVERYTHING);
        RunSummary a = new Simulator(s).run(1).summary();
        RunSummary b = new Simulator(s).run(2).summary();
        LinkedHashMap<String, Double> flat = a.toFlatMap();
        assertThat(new ArrayList<>(flat.keySet())).isEqualTo(new ArrayList<>(b.toFlatMap().keySet()))
                .isEqualTo(Simulator.summaryFlatKeys(s))
                .startsWith(Simulator.flatKeys(s).toArray(new String[0]));
        assertThat(flat.keySet()).startsWith("mixed.emissionTao").contains("mixed.giniEmission",
                "soft.resources.compute", "network.issuanceTao", "network.resourceShareBySubnet.quality.top",
                "mixed.final.giniEmission", "soft.final.emissionTao", "network.final.issuanceTao")
                .endsWith("network.final.issuanceTao");
        // the means are the time series' keys; the finals are a few more per subnet (stored per run: kept small)
        assertThat(flat).hasSize(Simulator.flatKeys(s).size()
                + s.subnets().size() * RunSummary.FINAL_FLAT_KEYS.size() + RunSummary.FINAL_FLAT_NETWORK_KEYS.size());
        assertThat(flat.keySet().stream().filter(RunSummary::isFinalKey))
                .hasSize(s.subnets().size() * RunSummary.FINAL_FLAT_KEYS.size() + 1);
        assertThat(flat.values()).allSatisfy(v -> assertThat(v).isFinite());
        SubnetSummary mixed = a.subnet("mixed");
        assertThat(mixed.metric()).isEqualTo("MIXED");
        assertThat(mixed.metricWeights()).containsEntry("speed", 0.5).containsEntry("storage", 0.25);
        assertThat(mixed.rewardCurve()).isEqualTo("THRESHOLD");
    }

    @Test
    void summaryIsTheMeanOfTheLastQuarterOfSamples() {
        Scenario s = ScenarioCodec.parse("""
                {"network": {"horizonEpochs": 40, "sampleEveryEpochs": 5},
                 "subnets": [{"name": "a", "miners": {"operators": 12}, "validators": {"count": 4}}]}""");
        RunResult r = new Simulator(s).run(9);
        double[] g = r.timeSeries().series("a.giniEmission");
        // samples at 5,10,…,40; last quarter = epochs above 30 → 35 and 40
        assertThat(r.summary().subnet("a").giniEmission()).isCloseTo((g[6] + g[7]) / 2, within(1e-15));
    }

    @Test
    void finalValuesAreTheLastSampleOfEverySeries() {
        // the horizon is not a multiple of the sampling interval: the last sample is the short interval at 38
        Scenario s = ScenarioCodec.parse("""
                {"network": {"horizonEpochs": 38, "sampleEveryEpochs": 5},
                 "subnets": [{"name": "a", "rewardCurve": {"type": "POWER", "alpha": 3},
                              "miners": {"operators": 12, "cheaterFraction": 0.25}, "metric": "STORAGE",
                              "verification": {"auditRate": 0.05}, "validators": {"count": 4}},
                             {"name": "b", "miners": {"operators": 7}, "validators": {"count": 3}}]}""");
        RunResult r = new Simulator(s).run(4);
        TimeSeries ts = r.timeSeries();
        assertThat(ts.epochs()[ts.samples() - 1]).isEqualTo(38);
        int last = ts.samples() - 1;
        for (SubnetSummary sub : r.summary().subnets()) {
            assertThat(sub.finalValues().keySet()).containsExactlyElementsOf(sub.values().keySet());
            for (String k : sub.values().keySet()) {
                assertThat(sub.finalValue(k)).as(sub.name() + " final " + k)
                        .isEqualTo(ts.series(sub.name() + "." + k)[last]);
            }
        }
        assertThat(r.summary().networkFinal().keySet()).containsExactlyElementsOf(r.summary().network().keySet());
        r.summary().networkFinal().forEach((k, v) -> assertThat(v).as("network final " + k)
                .isEqualTo(ts.series("network." + k)[last]));
        // issuance only grows, so the final value lies above the last-quarter mean
        assertThat(r.summary().networkFinal().get("issuanceTao")).isGreaterThan(r.summary().network().get("issuanceTao"));
        LinkedHashMap<String, Double> flat = r.summary().toFlatMap();
        assertThat(flat.get("a.final.giniEmission")).isEqualTo(r.summary().subnet("a").finalValue("giniEmission"));
        assertThat(flat.get("network.final.issuanceTao")).isEqualTo(r.summary().networkFinal().get("issuanceTao"));
        // in the JSON summary each subnet and the network carry a "final" object beside the contract means
        var json = RunOutput.summary(r.summary());
        assertThat(json.at("/subnets/0/final/resources/storage").asDouble())
                .isEqualTo(r.summary().subnet("a").finalValue("resources.storage"));
        assertThat(json.at("/subnets/1/giniEmission").asDouble()).isEqualTo(r.summary().subnet("b").giniEmission());
        assertThat(json.at("/network/final/resourceShareBySubnet/compute/b").asDouble())
                .isEqualTo(r.summary().networkFinal().get("resourceShareBySubnet.compute.b"));
    }

    @Test
    void cancellationStopsBetweenEpochsAndProgressIsReported() {
        Scenario s = ScenarioCodec.parse(EVERYTHING);
        AtomicInteger epochs = new AtomicInteger();
        Simulator sim = new Simulator(s);
        sim.run(1, () -> false, (done, total) -> {
            assertThat(total).isEqualTo(60);
            assertThat(done).isEqualTo(epochs.incrementAndGet());
        });
        assertThat(epochs.get()).isEqualTo(60);
        // FIXED: the subnets run up to the next sample (every 7 epochs) in a row, so a cancel asked for after
        // epoch 10 takes effect before epoch 15, at the start of the next run of epochs
        AtomicInteger reported = new AtomicInteger();
        assertThatThrownBy(() -> sim.run(1, () -> reported.get() >= 10, (d, t) -> reported.set(d)))
                .isInstanceOf(CancellationException.class).hasMessageContaining("after 14 of 60");
        assertThat(reported.get()).isEqualTo(14);
    }
}
