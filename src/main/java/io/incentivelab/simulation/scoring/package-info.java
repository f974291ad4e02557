/**
 * Composable scoring expressions (issue 18, docs/scoring.md): a small grammar over the measured components
 * {@code speed}, {@code storage}, {@code quality}, {@code latency}, {@code gpuClass}, its parser
 * ({@link io.incentivelab.simulation.scoring.ScoringParser}), canonical printer
 * ({@link io.incentivelab.simulation.scoring.Expr#print}) and compiler into a column-wise
 * {@link io.incentivelab.simulation.scoring.ScoringProgram}. Pure Java, deterministic.
 */
package io.incentivelab.simulation.scoring;
