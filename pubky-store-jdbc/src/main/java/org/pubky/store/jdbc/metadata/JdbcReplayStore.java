package org.pubky.store.jdbc.metadata;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.ReplayStore;
import org.pubky.store.jdbc.db.Database;
import org.pubky.store.jdbc.db.Times;

/**
 * Single-use values in {@code pubky_replays}: an insert-if-absent on the primary key, so of any
 * number of concurrent calls (in any number of processes) exactly one inserts. Thread-safe.
 */
public final class JdbcReplayStore implements ReplayStore {
    private static final int MAX_KEY = 128;

    private final Database db;
    private final String replays;
    private final String insert;

    public JdbcReplayStore(Database db) {
        this.db = db;
        this.replays = db.table("replays");
        this.insert = db.dialect().insertIfAbsent(replays, "replay_key, used_at", "?, ?");
    }

    @Override
    public boolean firstUse(String key, Instant at) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "replay key must be 1-128 characters");
        }
        long micros = Times.toMicros(at);
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setString(1, key);
                ps.setLong(2, micros);
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if (db.dialect().isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + replays + " WHERE used_at < ?")) {
                ps.setLong(1, Times.toMicros(cutoff));
                return ps.executeUpdate();
            }
        });
    }
}
