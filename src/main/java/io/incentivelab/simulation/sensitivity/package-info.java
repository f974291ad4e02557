/**
 * Global sensitivity analysis, pure and deterministic: Saltelli sampling from a Sobol sequence with the Jansen
 * first-order and total-effect estimators ({@link io.incentivelab.simulation.sensitivity.Saltelli}), Morris
 * elementary effects as a cheaper screening ({@link io.incentivelab.simulation.sensitivity.Morris}), and
 * percentile bootstrap confidence intervals for every index. Designs are produced first and analysed from the
 * model's outputs afterwards, so the runs in between may be executed anywhere in any order.
 */
package io.incentivelab.simulation.sensitivity;
