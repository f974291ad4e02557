package io.incentivelab.simulation.model;

/**
 * A reward curve (model.md §5). Scores s are first divided by the validator's best score, so s ∈ [0, 1].
 * PROPORTIONAL w ∝ s; POWER w ∝ s^alpha; SOFTMAX w ∝ exp((s − 1)/tau); TOP_K equal among the best k;
 * WINNER_TAKE_ALL the best only; RANK_DECAY w ∝ decay^rank; THRESHOLD w ∝ s where s ≥ theta.
 * Only the parameter of the chosen type is used.
 */
public record RewardCurveSpec(
        @Field(doc = "PROPORTIONAL, POWER, SOFTMAX, TOP_K, WINNER_TAKE_ALL, RANK_DECAY or THRESHOLD.",
                def = "\"PROPORTIONAL\"") CurveType type,
        @Field(doc = "POWER exponent α (w ∝ s^α); 2 as in Synth (SN50).", def = "2", min = 0, minExclusive = true,
                max = 64) double alpha,
        @Field(doc = "SOFTMAX temperature τ, in units of the best score.", def = "0.1", min = 1e-4, max = 100)
        double tau,
        @Field(doc = "TOP_K: number of UIDs sharing the weight equally.", def = "10", min = 1,
                max = ScenarioLimits.MAX_UIDS) int k,
        @Field(doc = "RANK_DECAY factor d (w ∝ d^rank, rank 0 = best).", def = "0.8", min = 0, minExclusive = true,
                max = 1) double decay,
        @Field(doc = "THRESHOLD θ: only scores ≥ θ × best score get weight.", def = "0.5", min = 0, max = 1)
        double theta) {

    /** The parameter of this curve as text, e.g. {@code POWER(2.0)}, or the bare name. */
    public String label() {
        return switch (type) {
            case POWER -> "POWER(" + alpha + ")";
            case SOFTMAX -> "SOFTMAX(" + tau + ")";
            case TOP_K -> "TOP_K(" + k + ")";
            case RANK_DECAY -> "RANK_DECAY(" + decay + ")";
            case THRESHOLD -> "THRESHOLD(" + theta + ")";
            default -> type.name();
        };
    }
}
