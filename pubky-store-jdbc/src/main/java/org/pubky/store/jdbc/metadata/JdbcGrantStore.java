package org.pubky.store.jdbc.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BearerSession;
import org.pubky.spi.storage.GrantRecord;
import org.pubky.spi.storage.GrantStore;
import org.pubky.spi.storage.UnitProbe;
import org.pubky.store.jdbc.db.Database;
import org.pubky.store.jdbc.db.Times;

/**
 * Grants in {@code pubky_grants} and bearer-token hashes in {@code pubky_bearers}.
 * {@link #replaceBearer} write-locks the grant row first, so concurrent replacements for one grant
 * run one after the other and leave exactly one token. Thread-safe.
 */
public final class JdbcGrantStore implements GrantStore {
    private static final String GRANT_COLUMNS = "g.grant_id, u.public_key, g.client_id, g.client_key, "
            + "g.capabilities, g.issued_at, g.expires_at, g.revoked_at, g.created_at";

    private final Database db;
    private final UnitProbe probe;
    private final String grants;
    private final String bearers;
    private final String users;

    public JdbcGrantStore(Database db, UnitProbe probe) {
        this.db = db;
        this.probe = probe;
        this.grants = db.table("grants");
        this.bearers = db.table("bearers");
        this.users = db.table("users");
    }

    @Override
    public GrantRecord storeIfAbsent(GrantRecord grant) {
        return db.transaction(c -> {
            Optional<GrantRecord> existing = find(c, grant.grantId());
            if (existing.isPresent()) {
                return existing.get();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + grants + " (grant_id, user_id, client_id, "
                    + "client_key, capabilities, issued_at, expires_at, revoked_at, created_at) "
                    + "SELECT ?, id, ?, ?, ?, ?, ?, ?, ? FROM " + users + " WHERE public_key = ?")) {
                ps.setString(1, grant.grantId());
                ps.setString(2, grant.clientId());
                ps.setString(3, grant.clientKey());
                ps.setString(4, grant.capabilities());
                ps.setLong(5, Times.toMicros(grant.issuedAt()));
                ps.setLong(6, Times.toMicros(grant.expiresAt()));
                if (grant.revokedAt().isPresent()) {
                    ps.setLong(7, Times.toMicros(grant.revokedAt().get()));
                } else {
                    ps.setNull(7, Types.BIGINT);
                }
                ps.setLong(8, Times.toMicros(grant.createdAt()));
                ps.setString(9, grant.user());
                if (ps.executeUpdate() == 0) {
                    throw new PubkyException(ErrorCode.NOT_FOUND, "User not found");
                }
            } catch (SQLException e) {
                // a concurrent first presentation won: the failed insert aborts this attempt and
                // the retry finds the winner's row
                if (db.dialect().isUniqueViolation(e)) {
                    throw new SQLTransactionRollbackException("grant inserted concurrently", "40001", e);
                }
                throw e;
            }
            return find(c, grant.grantId()).orElseThrow();
        });
    }

    @Override
    public Optional<GrantRecord> find(String grantId) {
        return db.read(c -> find(c, grantId));
    }

    private Optional<GrantRecord> find(Connection c, String grantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + GRANT_COLUMNS + " FROM " + grants + " g JOIN "
                + users + " u ON u.id = g.user_id WHERE g.grant_id = ?")) {
            ps.setString(1, grantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs, 1)) : Optional.empty();
            }
        }
    }

    private static GrantRecord row(ResultSet rs, int i) throws SQLException {
        long revoked = rs.getLong(i + 7);
        Optional<Instant> revokedAt = rs.wasNull() ? Optional.empty() : Optional.of(Times.fromMicros(revoked));
        return new GrantRecord(rs.getString(i), rs.getString(i + 1), rs.getString(i + 2), rs.getString(i + 3),
                rs.getString(i + 4), Times.fromMicros(rs.getLong(i + 5)), Times.fromMicros(rs.getLong(i + 6)),
                revokedAt, Times.fromMicros(rs.getLong(i + 8)));
    }

    @Override
    public boolean revoke(String grantId, Instant at) {
        long micros = Times.toMicros(at);
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + grants
                    + " SET revoked_at = ? WHERE grant_id = ? AND revoked_at IS NULL")) {
                ps.setLong(1, micros);
                ps.setString(2, grantId);
                if (ps.executeUpdate() == 0 && !exists(c, grantId)) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + bearers + " WHERE grant_id = ?")) {
                ps.setString(1, grantId);
                ps.executeUpdate();
            }
            return true;
        });
    }

    private boolean exists(Connection c, String grantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + grants + " WHERE grant_id = ?")) {
            ps.setString(1, grantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<GrantRecord> listActive(String user, Instant now) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + GRANT_COLUMNS + " FROM " + grants + " g JOIN "
                    + users + " u ON u.id = g.user_id WHERE u.public_key = ? AND g.revoked_at IS NULL "
                    + "AND g.expires_at > ? ORDER BY g.grant_id")) {
                ps.setString(1, user);
                ps.setLong(2, Times.toMicros(now));
                List<GrantRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs, 1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void replaceBearer(String grantId, byte[] tokenHash, Instant expiresAt) {
        if (tokenHash == null || tokenHash.length != 32) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "bearer token hash must be 32 bytes");
        }
        byte[] hash = tokenHash.clone();
        long expires = Times.toMicros(expiresAt);
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT grant_id FROM " + grants + " WHERE grant_id = ? "
                    + db.dialect().lockRowForWrite())) {
                ps.setString(1, grantId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new PubkyException(ErrorCode.NOT_FOUND, "Grant not found");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + bearers + " WHERE grant_id = ?")) {
                ps.setString(1, grantId);
                ps.executeUpdate();
            }
            probe.reached(UnitProbe.BEARERS_DELETED);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + bearers
                    + " (token_hash, grant_id, expires_at) VALUES (?, ?, ?)")) {
                ps.setBytes(1, hash);
                ps.setString(2, grantId);
                ps.setLong(3, expires);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<BearerSession> findBearer(byte[] tokenHash) {
        if (tokenHash == null || tokenHash.length != 32) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + GRANT_COLUMNS + ", b.expires_at FROM " + bearers
                    + " b JOIN " + grants + " g ON g.grant_id = b.grant_id JOIN " + users
                    + " u ON u.id = g.user_id WHERE b.token_hash = ?")) {
                ps.setBytes(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new BearerSession(row(rs, 1), Times.fromMicros(rs.getLong(10))));
                }
            }
        });
    }

    @Override
    public int purgeExpiredBearers(Instant now) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + bearers + " WHERE expires_at < ?")) {
                ps.setLong(1, Times.toMicros(now));
                return ps.executeUpdate();
            }
        });
    }
}
