-- pubky blob schema V1 (MariaDB). A blob is a header row plus fixed-size chunks; one chunk must
-- fit in max_allowed_packet (16 MiB by default; the default chunk is 256 KiB).
CREATE TABLE ${t}blobs (
    id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    length BIGINT NOT NULL,
    chunk_size INT NOT NULL,
    created_at BIGINT NOT NULL,
    KEY ${n}blobs_created (created_at, id)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;

CREATE TABLE ${t}blob_chunks (
    blob_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    seq INT NOT NULL,
    data LONGBLOB NOT NULL,
    PRIMARY KEY (blob_id, seq),
    CONSTRAINT ${n}blob_chunks_fk FOREIGN KEY (blob_id) REFERENCES ${t}blobs (id) ON DELETE CASCADE
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
