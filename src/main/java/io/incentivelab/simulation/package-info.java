/**
 * The pure simulation engine: model records, Yuma Consensus, emission, agents, metrics. Imports only
 * {@code java.*} and Commons Math, and is deterministic for a given scenario and seed.
 */
package io.incentivelab.simulation;
