package io.incentivelab.simulation.model;

import java.util.List;

/**
 * Validator stakes: Pareto draws (x = (1 − u)^(−1/shape)) scaled to a total, or an explicit list; and the root
 * stake the validators' hotkeys hold on the root network, which Yuma counts as TaoWeight × root beside the subnet
 * stake (economics.md §3b: stake weight = alpha + TaoWeight·τ_root; docs/alpha-market.md, "Root stake weight").
 */
public record StakeSpec(
        @Field(doc = "PARETO or EXPLICIT.", def = "\"PARETO\"") StakeDistribution distribution,
        @Field(doc = "Pareto shape (1.16 gives the 80/20 rule; smaller = more concentrated).", def = "1.16",
                min = 0.1, max = 100) double paretoShape,
        @Field(doc = "Total stake of the subnet's validators, TAO (PARETO).", def = "1000000", min = 0,
                minExclusive = true, max = ScenarioLimits.TAO_CAP) double totalTao,
        @Field(doc = "EXPLICIT: each validator's stake in TAO, one per validator.", def = "[]", min = 0, max = ScenarioLimits.TAO_CAP,
                maxItems = ScenarioLimits.MAX_UIDS) List<Double> explicitTao,
        @Field(label = "Root stake of the validators", unit = "TAO", doc = "TAO the subnet's validators hold staked on root (τ_root),"
                + " counted in Yuma's stake weight as network.market.taoWeight × root beside the subnet stake (the chain"
                + " adds the two without price conversion). PARETO: split by independent Pareto draws of the same"
                + " shape, so root stake need not follow subnet stake; EXPLICIT: explicitRootTao. 0 = no root stake.",
                def = "0", min = 0, max = ScenarioLimits.TAO_CAP, omitDefault = true) double rootTao,
        @Field(label = "Each validator's root stake", unit = "TAO", doc = "EXPLICIT: each validator's root stake in TAO, one per"
                + " validator, or empty for none.", def = "[]", min = 0, max = ScenarioLimits.TAO_CAP,
                maxItems = ScenarioLimits.MAX_UIDS, omitDefault = true) List<Double> explicitRootTao) {

    public StakeSpec {
        explicitTao = List.copyOf(explicitTao);
        explicitRootTao = explicitRootTao == null ? List.of() : List.copyOf(explicitRootTao);
    }
}
