-- Notebooks, part 1: optimistic concurrency, the document's format version, where a copy came from,
-- and cell outputs kept apart from the document (keyed by notebook and cell id).
ALTER TABLE notebook ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE notebook ADD COLUMN format_version INT DEFAULT 1 NOT NULL;
ALTER TABLE notebook ADD COLUMN origin VARCHAR(200);

CREATE TABLE notebook_output (
    notebook_id VARCHAR(36)  NOT NULL,
    cell_id     VARCHAR(64)  NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    content     CLOB         NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    PRIMARY KEY (notebook_id, cell_id),
    CONSTRAINT notebook_output_notebook FOREIGN KEY (notebook_id) REFERENCES notebook (id) ON DELETE CASCADE
);
