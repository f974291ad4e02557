/**
 * Experiments: sweeps of scenario parameters × Monte Carlo replicates with derived seeds, run as a batch on
 * an executor, stored per run, and aggregated per sweep point into statistics with confidence intervals.
 */
package io.incentivelab.experiment;
