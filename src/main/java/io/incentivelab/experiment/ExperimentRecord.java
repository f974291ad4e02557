package io.incentivelab.experiment;

import java.time.Instant;

/** An experiment as stored: its spec, state and times. */
public record ExperimentRecord(String id, ExperimentSpec spec, ExperimentStatus status, int totalRuns, String message,
        Instant createdAt, Instant startedAt, Instant finishedAt) {
}
