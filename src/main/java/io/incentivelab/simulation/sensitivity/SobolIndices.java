package io.incentivelab.simulation.sensitivity;

import java.util.List;

/**
 * Result of a Saltelli analysis: per parameter (in the design's order) the first-order index S_i and the
 * total-effect index ST_i, each with its bootstrap interval, and the output variance V over A and B.
 */
public record SobolIndices(List<Index> first, List<Index> total, double variance) {
}
