package io.incentivelab.simulation.sensitivity;

import java.util.List;

/** Result of a Morris screening: per parameter μ* (mean |EE|), μ (mean EE) and σ (sd of EE) with intervals. */
public record MorrisIndices(List<Index> muStar, List<Index> mu, List<Index> sigma) {
}
