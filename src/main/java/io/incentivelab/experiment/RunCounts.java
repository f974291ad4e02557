package io.incentivelab.experiment;

/** Finished runs of an experiment: {@code done} includes {@code failed}. */
public record RunCounts(int done, int failed) {
}
