package io.incentivelab.simulation.model;

import java.util.List;

/**
 * The weights the validators had set when the run starts, as the chain stores them (u16, sparse triplets): Yuma
 * reads them in the first epoch instead of the validators' first measurement, and with commit-reveal in each
 * epoch before the first reveal (docs/model.md, "Initial weights"). A metagraph import fills them from the
 * snapshot's measured weights. Empty = the first epoch reads the first measurement.
 */
public record InitialWeightsSpec(
        @Field(label = "Validator of each weight", doc = "Per entry: the validator (0 = the first of validators.count)"
                + " that set it.", def = "[]", min = 0, max = ScenarioLimits.MAX_UIDS - 1,
                maxItems = MAX_ENTRIES) List<Integer> validator,
        @Field(label = "UID of each weight", doc = "Per entry: the miner UID it is set on (validators hold UIDs 0 .."
                + " count − 1, then each operator's UIDs in turn).", def = "[]", min = 0, max = ScenarioLimits.MAX_UIDS - 1,
                maxItems = MAX_ENTRIES) List<Integer> uid,
        @Field(label = "Weight (u16)", doc = "Per entry: the weight as the chain stores it, 0 .. 65535.", def = "[]", min = 0,
                max = 65_535, maxItems = MAX_ENTRIES) List<Integer> weight) {

    /** At most one weight per validator and UID. */
    public static final int MAX_ENTRIES = ScenarioLimits.MAX_UIDS * ScenarioLimits.MAX_UIDS;

    public InitialWeightsSpec {
        validator = validator == null ? List.of() : List.copyOf(validator);
        uid = uid == null ? List.of() : List.copyOf(uid);
        weight = weight == null ? List.of() : List.copyOf(weight);
    }

    public static InitialWeightsSpec none() {
        return new InitialWeightsSpec(List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return validator.isEmpty() && uid.isEmpty() && weight.isEmpty();
    }

    public int size() {
        return weight.size();
    }
}
