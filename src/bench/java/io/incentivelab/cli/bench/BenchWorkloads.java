package io.incentivelab.cli.bench;

import java.util.List;

/** The registry of bench workloads, in the order {@code bench} runs them. Add yours here, one line each. */
public final class BenchWorkloads {

    private BenchWorkloads() {
    }

    public static List<BenchWorkload> all() {
        return List.of(
                new YumaEpochWorkload(64, 256),
                new YumaEpochWorkload(256, 4096),
                new EngineSubnetEpochsWorkload(),
                new EngineScoringWorkload(),
                new ExperimentRunsWorkload(1),
                new ExperimentRunsWorkload(2),
                new ExperimentThousandRunsWorkload(),
                new ExperimentClusterWorkload(),
                new FullNetworkYearWorkload()
        );
    }
}
