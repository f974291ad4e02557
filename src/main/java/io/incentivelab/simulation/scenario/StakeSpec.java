package io.incentivelab.simulation.scenario;

import java.util.List;

/** Validator stakes: Pareto draws (x = (1 − u)^(−1/shape)) scaled to a total, or an explicit list. */
public record StakeSpec(
        @Field(doc = "PARETO or EXPLICIT.", def = "\"PARETO\"") StakeDistribution distribution,
        @Field(doc = "Pareto shape (1.16 gives the 80/20 rule; smaller = more concentrated).", def = "1.16",
                min = 0.1, max = 100) double paretoShape,
        @Field(doc = "Total stake of the subnet's validators, TAO (PARETO).", def = "1000000", min = 0,
                minExclusive = true, max = ScenarioLimits.TAO_CAP) double totalTao,
        @Field(doc = "EXPLICIT: each validator's stake in TAO, one per validator.", def = "[]", min = 0, max = ScenarioLimits.TAO_CAP,
                maxItems = ScenarioLimits.MAX_UIDS) List<Double> explicitTao) {

    public StakeSpec {
        explicitTao = List.copyOf(explicitTao);
    }
}
