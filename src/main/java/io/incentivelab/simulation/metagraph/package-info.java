/**
 * A real subnet's state ({@code metagraph-snapshot/1}, docs/formats.md) as plain arrays, and the Yuma
 * Consensus epoch run from it. Pure and deterministic: no JSON, Spring or Vaadin here; the JSON reader is
 * {@code io.incentivelab.metagraph.MetagraphCodec}.
 */
package io.incentivelab.simulation.metagraph;
