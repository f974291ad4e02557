/** Summary measures of the engine's outputs: concentration over operators. */
package io.incentivelab.simulation.metrics;
