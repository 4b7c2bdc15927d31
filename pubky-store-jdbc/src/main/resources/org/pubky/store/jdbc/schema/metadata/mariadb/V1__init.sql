-- pubky metadata schema V1 (MariaDB 10.5+, InnoDB). ${t} = [database.]pubky_, ${n} = pubky_.
-- Instants are BIGINT microseconds since the epoch. Paths are VARBINARY holding their UTF-8 bytes:
-- utf8mb4_bin is PAD SPACE and would not order by bytes; binary strings do. Exact-match keys use
-- *_nopad_bin or ascii_bin collations so trailing spaces and letter case are significant.
-- The (user_id, path) key is at most 8 + 1024 bytes, inside InnoDB's 3072-byte limit (DYNAMIC rows).

CREATE TABLE ${t}users (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_key VARCHAR(52) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    used_bytes BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    quota_storage_mb BIGINT NULL,
    quota_rate_read TEXT NULL,
    quota_rate_write TEXT NULL,
    quota_rate_read_burst INT NULL,
    quota_rate_write_burst INT NULL,
    allowed_write_paths MEDIUMTEXT NULL,
    UNIQUE KEY ${n}users_public_key (public_key)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${t}signup_tokens (
    token VARCHAR(14) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL PRIMARY KEY,
    created_at BIGINT NOT NULL,
    used_by VARCHAR(52) CHARACTER SET ascii COLLATE ascii_bin NULL,
    used_at BIGINT NULL,
    quota_storage_mb BIGINT NULL,
    quota_rate_read TEXT NULL,
    quota_rate_write TEXT NULL,
    quota_rate_read_burst INT NULL,
    quota_rate_write_burst INT NULL,
    allowed_write_paths MEDIUMTEXT NULL
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${t}sessions (
    id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    capabilities MEDIUMTEXT NOT NULL,
    created_at BIGINT NOT NULL,
    KEY ${n}sessions_user (user_id),
    CONSTRAINT ${n}sessions_user_fk FOREIGN KEY (user_id) REFERENCES ${t}users (id) ON DELETE CASCADE
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${t}grants (
    grant_id VARCHAR(22) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    client_id MEDIUMTEXT NOT NULL,
    client_key VARCHAR(52) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    capabilities MEDIUMTEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT NULL,
    created_at BIGINT NOT NULL,
    KEY ${n}grants_user (user_id, grant_id),
    CONSTRAINT ${n}grants_user_fk FOREIGN KEY (user_id) REFERENCES ${t}users (id) ON DELETE CASCADE
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${t}bearers (
    token_hash VARBINARY(32) NOT NULL PRIMARY KEY,
    grant_id VARCHAR(22) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    expires_at BIGINT NOT NULL,
    KEY ${n}bearers_grant (grant_id),
    KEY ${n}bearers_expires (expires_at),
    CONSTRAINT ${n}bearers_grant_fk FOREIGN KEY (grant_id) REFERENCES ${t}grants (grant_id) ON DELETE CASCADE
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${t}replays (
    replay_key VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL PRIMARY KEY,
    used_at BIGINT NOT NULL,
    KEY ${n}replays_used_at (used_at)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${t}entries (
    user_id BIGINT NOT NULL,
    path VARBINARY(1024) NOT NULL,
    blob_id VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    content_hash VARBINARY(32) NOT NULL,
    content_length BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    modified_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, path),
    KEY ${n}entries_blob (blob_id),
    CONSTRAINT ${n}entries_user_fk FOREIGN KEY (user_id) REFERENCES ${t}users (id)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${t}events (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_type CHAR(3) CHARACTER SET ascii NOT NULL,
    user_id BIGINT NOT NULL,
    path VARBINARY(1024) NOT NULL,
    content_hash VARBINARY(32) NULL,
    created_at BIGINT NOT NULL,
    KEY ${n}events_user (user_id, id),
    CONSTRAINT ${n}events_user_fk FOREIGN KEY (user_id) REFERENCES ${t}users (id)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Event inserts lock this one row (SELECT ... FOR UPDATE) until commit, so ids become visible in order.
CREATE TABLE ${t}event_lock (
    id INT NOT NULL PRIMARY KEY
) ENGINE=InnoDB;
INSERT INTO ${t}event_lock (id) VALUES (1);
