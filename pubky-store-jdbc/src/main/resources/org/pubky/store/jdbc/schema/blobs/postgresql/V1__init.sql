-- pubky blob schema V1 (PostgreSQL). A blob is a header row plus fixed-size chunks.
CREATE TABLE ${t}blobs (
    id VARCHAR(64) COLLATE "C" PRIMARY KEY,
    length BIGINT NOT NULL,
    chunk_size INTEGER NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX ${n}blobs_created ON ${t}blobs (created_at, id);

CREATE TABLE ${t}blob_chunks (
    blob_id VARCHAR(64) COLLATE "C" NOT NULL REFERENCES ${t}blobs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (blob_id, seq)
);
-- content is usually compressed already: store chunks out of line without pglz
ALTER TABLE ${t}blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
