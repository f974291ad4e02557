package io.incentivelab.simulation.model;

/** How validators check claims (model.md §4): storage audits and copy detection, with a penalty period. */
public record VerificationSpec(
        @Field(doc = "Probability that a validator audits a given UID's storage claim in an epoch; an"
                + " over-claiming UID that is audited is caught.", def = "0.1", min = 0, max = 1) double auditRate,
        @Field(doc = "Epochs for which a caught UID scores 0 with the validator that caught it.", def = "20", min = 0,
                max = 100_000) int penaltyEpochs,
        @Field(doc = "ACCURACY: tasks per evaluation; the score is Binomial(evalSamples, quality)/evalSamples.",
                def = "100", min = 1, max = 100_000) int evalSamples,
        @Field(doc = "Probability that one evaluation of a copier detects the copy.", def = "0.5", min = 0, max = 1)
        double copyDetection,
        @Field(doc = "Duplicate-model detection: probability that one evaluation of quality (ACCURACY, MIXED with"
                + " accuracy, or a scoring expression reading quality) finds that a UID serves the same model as"
                + " an earlier UID of its operator; a caught copy scores 0 for penaltyEpochs. 0 = off, 1 = the"
                + " copies beyond an operator's first UID earn nothing.", def = "0", min = 0, max = 1,
                omitDefault = true) double duplicateDetection) {

    /** Verification without duplicate-model detection. */
    public VerificationSpec(double auditRate, int penaltyEpochs, int evalSamples, double copyDetection) {
        this(auditRate, penaltyEpochs, evalSamples, copyDetection, 0);
    }
}
