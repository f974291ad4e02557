package io.incentivelab.simulation.model;

/** One subnet (model.md §3): what it measures, how scores become weights, its verification and Yuma settings. */
public record SubnetSpec(
        @Field(doc = "Unique name: letters, digits, '_' or '-', 1–40 characters (used as a key in outputs).")
        String name,
        @Field(doc = "What validators measure: SPEED (throughput of compute), STORAGE (proven TB), ACCURACY"
                + " (fraction of evalSamples tasks solved) or MIXED (metricWeights).", def = "\"SPEED\"") Metric metric,
        @Field(doc = "Weights of the max-normalised component scores when metric is MIXED; ignored otherwise.",
                def = "{}") MetricWeights metricWeights,
        @Field(doc = "How a validator's scores become weights.", def = "{}") RewardCurveSpec rewardCurve,
        @Field(doc = "Storage audits and copy detection.", def = "{}") VerificationSpec verification,
        @Field(doc = "Yuma Consensus settings.", def = "{}") YumaSpec yuma,
        @Field(doc = "UID and validator limits.", def = "{}") LimitsSpec limits,
        @Field(doc = "Commit-reveal of weights (chain default on): every validator's weights reach Yuma"
                + " revealPeriodEpochs later, so a weight copier copies stale consensus.", def = "true") boolean commitReveal,
        @Field(doc = "Reveal period of commit-reveal, in epochs (chain default 1 tempo).", def = "1", min = 1,
                max = 100) int revealPeriodEpochs,
        @Field(doc = "Relative emission share under the FIXED split (normalised over subnets); leave at 1 under a market rule.", def = "1", min = 0,
                max = 1e9) double emissionShare,
        @Field(doc = "The miners: operators, their resources and cheats.", def = "{}") MinersSpec miners,
        @Field(doc = "The validators: stake, behaviour and measurement noise.", def = "{}") ValidatorsSpec validators,
        @Field(label = "Scoring expression", doc = "Scoring expression over speed, storage, quality, latency and gpuClass (docs/scoring.md), e.g."
                + " \"speed * step(quality, 0.8)\"; replaces the metric's score when not empty (the metric still"
                + " names the resource placement and the outputs treat as rewarded).", def = "\"\"",
                omitDefault = true) String scoring,
        @Field(label = "Alpha market (this subnet's pool)", doc = "Its alpha pool at the start, owner burn and miners' selling (used by PRICE_EMA and FLOW).",
                def = "{}") SubnetMarketSpec market,
        @Field(label = "Tempo (blocks per epoch of this subnet)", doc = "Blocks between this subnet's Yuma epochs (the"
                + " chain sets tempo per subnet); 0 runs it at network.tempo. Emission accrues block by block and is"
                + " paid at the subnet's epochs.", def = "0", min = 0, max = 50_400, omitDefault = true) int tempo,
        @Field(label = "Initial weights", doc = "The weights the validators had set when the run starts (u16 triplets):"
                + " the first epoch reads them instead of the first measurement (a metagraph import sets them).",
                def = "{}", omitDefault = true) InitialWeightsSpec initialWeights) {

    public SubnetSpec {
        if (market == null) {
            market = SubnetMarketSpec.defaults();
        }
        if (initialWeights == null) {
            initialWeights = InitialWeightsSpec.none();
        }
    }

    /** A subnet whose first epoch reads the first measurement. */
    public SubnetSpec(String name, Metric metric, MetricWeights metricWeights, RewardCurveSpec rewardCurve,
                      VerificationSpec verification, YumaSpec yuma, LimitsSpec limits, boolean commitReveal,
                      int revealPeriodEpochs, double emissionShare, MinersSpec miners, ValidatorsSpec validators,
                      String scoring, SubnetMarketSpec market, int tempo) {
        this(name, metric, metricWeights, rewardCurve, verification, yuma, limits, commitReveal, revealPeriodEpochs,
                emissionShare, miners, validators, scoring, market, tempo, InitialWeightsSpec.none());
    }

    /** A subnet at the network's tempo. */
    public SubnetSpec(String name, Metric metric, MetricWeights metricWeights, RewardCurveSpec rewardCurve,
                      VerificationSpec verification, YumaSpec yuma, LimitsSpec limits, boolean commitReveal,
                      int revealPeriodEpochs, double emissionShare, MinersSpec miners, ValidatorsSpec validators,
                      String scoring, SubnetMarketSpec market) {
        this(name, metric, metricWeights, rewardCurve, verification, yuma, limits, commitReveal, revealPeriodEpochs,
                emissionShare, miners, validators, scoring, market, 0);
    }

    /** Blocks per epoch of this subnet: its own tempo, or the network's when it has none (0). */
    public int tempo(NetworkSpec network) {
        return tempo > 0 ? tempo : network.tempo();
    }

    /** A subnet without a scoring expression (the metric scores) and with the default market fields. */
    public SubnetSpec(String name, Metric metric, MetricWeights metricWeights, RewardCurveSpec rewardCurve,
                      VerificationSpec verification, YumaSpec yuma, LimitsSpec limits, boolean commitReveal,
                      int revealPeriodEpochs, double emissionShare, MinersSpec miners, ValidatorsSpec validators) {
        this(name, metric, metricWeights, rewardCurve, verification, yuma, limits, commitReveal, revealPeriodEpochs,
                emissionShare, miners, validators, "");
    }

    /** A subnet with the default market fields. */
    public SubnetSpec(String name, Metric metric, MetricWeights metricWeights, RewardCurveSpec rewardCurve,
                      VerificationSpec verification, YumaSpec yuma, LimitsSpec limits, boolean commitReveal,
                      int revealPeriodEpochs, double emissionShare, MinersSpec miners, ValidatorsSpec validators,
                      String scoring) {
        this(name, metric, metricWeights, rewardCurve, verification, yuma, limits, commitReveal, revealPeriodEpochs,
                emissionShare, miners, validators, scoring, SubnetMarketSpec.defaults());
    }

    /** This subnet with another scoring expression. */
    public SubnetSpec withScoring(String expression) {
        return new SubnetSpec(name, metric, metricWeights, rewardCurve, verification, yuma, limits, commitReveal,
                revealPeriodEpochs, emissionShare, miners, validators, expression, market, tempo, initialWeights);
    }
}
