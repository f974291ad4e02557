-- Experiments: the spec as canonical JSON and the state of the batch.
CREATE TABLE experiment (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    spec         CLOB          NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    total_runs   INT           NOT NULL,
    message      VARCHAR(1000),
    created_at   TIMESTAMP     NOT NULL,
    started_at   TIMESTAMP,
    finished_at  TIMESTAMP
);
CREATE INDEX experiment_status ON experiment (status, created_at);

-- One row per run, created PENDING with its seed; DONE/FAILED rows are final (updates require PENDING).
-- metrics: JSON object of the run's summary metrics in engine order; series: gzip'd float time series.
CREATE TABLE experiment_run (
    experiment_id  VARCHAR(36)   NOT NULL,
    run_index      INT           NOT NULL,
    point_index    INT           NOT NULL,
    replicate      INT           NOT NULL,
    seed           BIGINT        NOT NULL,
    status         VARCHAR(8)    NOT NULL,
    error          VARCHAR(1000),
    metrics        VARCHAR(1000000),
    series         VARBINARY(1000000),
    scenario_hash  VARCHAR(100),
    engine_version VARCHAR(100),
    millis         BIGINT,
    finished_at    TIMESTAMP,
    PRIMARY KEY (experiment_id, run_index),
    CONSTRAINT experiment_run_experiment FOREIGN KEY (experiment_id) REFERENCES experiment (id) ON DELETE CASCADE
);
