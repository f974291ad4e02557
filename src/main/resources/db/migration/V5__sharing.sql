-- Sharing by link. Browsers hold a random owner key (cookie); only its SHA-256 hash is stored.
-- notebook_owner: which owner keys may edit a notebook (its creator, and browsers that opened an edit link).
CREATE TABLE notebook_owner (
    notebook_id VARCHAR(36) NOT NULL,
    owner_hash  VARCHAR(64) NOT NULL,
    granted_at  TIMESTAMP   NOT NULL,
    PRIMARY KEY (notebook_id, owner_hash),
    CONSTRAINT notebook_owner_notebook FOREIGN KEY (notebook_id) REFERENCES notebook (id) ON DELETE CASCADE
);
CREATE INDEX notebook_owner_by_hash ON notebook_owner (owner_hash);

-- A private edit link per notebook (hash of its token); making a new one replaces the old one.
CREATE TABLE notebook_edit_link (
    notebook_id VARCHAR(36) NOT NULL PRIMARY KEY,
    token_hash  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP   NOT NULL,
    CONSTRAINT notebook_edit_link_token UNIQUE (token_hash),
    CONSTRAINT notebook_edit_link_notebook FOREIGN KEY (notebook_id) REFERENCES notebook (id) ON DELETE CASCADE
);

-- Immutable snapshots behind /s/{token}: inserted once, never updated; revoking deletes the row.
-- No foreign key to notebook: a snapshot outlives edits and deletion of the notebook it froze.
CREATE TABLE notebook_snapshot (
    token_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
    notebook_id VARCHAR(36)  NOT NULL,
    owner_hash  VARCHAR(64)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    content     CLOB         NOT NULL,
    manifest    CLOB         NOT NULL,
    engine      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP    NOT NULL
);
CREATE INDEX notebook_snapshot_owner ON notebook_snapshot (owner_hash, created_at);
