package io.incentivelab.simulation;

/**
 * The result of one run: a pure function of (scenario, seed, {@link #engineVersion}).
 *
 * @param seed          the run's seed
 * @param engineVersion {@link Simulator#ENGINE_VERSION} of the engine that produced it
 * @param summary       last-quarter means (model.md §9)
 * @param timeSeries    the sampled outputs
 * @param accounting    emission conservation over the run
 */
public record RunResult(long seed, String engineVersion, RunSummary summary, TimeSeries timeSeries,
                        Accounting accounting) {
}
