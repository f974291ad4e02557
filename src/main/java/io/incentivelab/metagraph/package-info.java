/** Reading {@code metagraph-snapshot/1} files (docs/formats.md) into {@code simulation.metagraph} snapshots. */
package io.incentivelab.metagraph;
