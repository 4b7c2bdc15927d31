-- pubky blob schema V1 (H2). A blob is a header row plus fixed-size chunks. BLOB, because H2
-- limits VARBINARY to 1 000 000 bytes and a chunk may be up to 16 MiB.
CREATE TABLE ${t}blobs (
    id VARCHAR(64) PRIMARY KEY,
    length BIGINT NOT NULL,
    chunk_size INTEGER NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX ${n}blobs_created ON ${t}blobs (created_at, id);

CREATE TABLE ${t}blob_chunks (
    blob_id VARCHAR(64) NOT NULL REFERENCES ${t}blobs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (blob_id, seq)
);
