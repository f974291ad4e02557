package io.incentivelab.experiment;

import java.io.Serializable;

/**
 * The identity of one run: {@code runIndex = pointIndex × replicates + replicate}, and its derived seed.
 */
public record RunRef(int runIndex, int pointIndex, int replicate, long seed) implements Serializable {
}
