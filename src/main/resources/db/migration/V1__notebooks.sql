-- Notebooks: a versioned JSON document of typed cells per row.
CREATE TABLE notebook (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    title       VARCHAR(200) NOT NULL,
    document    CLOB         NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    updated_at  TIMESTAMP    NOT NULL
);
CREATE INDEX notebook_updated ON notebook (updated_at);
