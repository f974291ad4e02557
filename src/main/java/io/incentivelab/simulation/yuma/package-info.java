/**
 * One epoch of Yuma Consensus (original Yuma and Yuma 3, with liquid alpha) as subtensor's
 * {@code epoch_mechanism} computes it; see {@code shared/reference/yuma.md} §4–§5.
 */
package io.incentivelab.simulation.yuma;
