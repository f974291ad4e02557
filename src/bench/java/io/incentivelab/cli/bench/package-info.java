/** Workloads of the {@code bench} command; add a workload by listing it in {@link io.incentivelab.cli.bench.BenchWorkloads}. */
package io.incentivelab.cli.bench;
