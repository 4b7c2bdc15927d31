package org.pubky.store.jdbc.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.UnitProbe;
import org.pubky.spi.storage.UserRecord;
import org.pubky.spi.storage.UserStats;
import org.pubky.spi.storage.UserStore;
import org.pubky.store.jdbc.db.Database;
import org.pubky.store.jdbc.db.Times;

/**
 * Users in {@code pubky_users}. Signup locks the token row ({@code SELECT ... FOR UPDATE}) before
 * anything else, so concurrent signups with one token run one after the other and the second sees
 * it used; a second signup of the same key fails on the unique key. Thread-safe.
 */
public final class JdbcUserStore implements UserStore {
    private static final String COLUMNS = "public_key, disabled, used_bytes, created_at, " + QuotaColumns.NAMES;

    private final Database db;
    private final UnitProbe probe;
    private final String users;
    private final String tokens;

    public JdbcUserStore(Database db, UnitProbe probe) {
        this.db = db;
        this.probe = probe;
        this.users = db.table("users");
        this.tokens = db.table("signup_tokens");
    }

    @Override
    public UserRecord create(String user, Instant createdAt, Optional<String> signupToken) {
        UserRecord record = new UserRecord(user, false, 0, Times.fromMicros(Times.toMicros(createdAt)),
                QuotaOverrides.NONE);
        return db.transaction(c -> {
            Optional<TokenRow> token = Optional.empty();
            if (signupToken.isPresent()) {
                token = lockToken(c, signupToken.get());
            }
            if (exists(c, user)) {
                throw new PubkyException(ErrorCode.CONFLICT, "User already exists");
            }
            if (signupToken.isPresent()) {
                if (token.isEmpty()) {
                    throw new PubkyException(ErrorCode.UNAUTHORIZED, "Invalid token");
                }
                if (token.get().used()) {
                    throw new PubkyException(ErrorCode.UNAUTHORIZED, "Token already used");
                }
            }
            QuotaOverrides quota = token.map(TokenRow::quota).orElse(QuotaOverrides.NONE);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + users + " (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, user);
                ps.setBoolean(2, false);
                ps.setLong(3, 0);
                ps.setLong(4, Times.toMicros(createdAt));
                QuotaColumns.bind(ps, 5, quota);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (db.dialect().isUniqueViolation(e)) {
                    throw new PubkyException(ErrorCode.CONFLICT, "User already exists");
                }
                throw e;
            }
            probe.reached(UnitProbe.USER_CREATED);
            if (signupToken.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + tokens
                        + " SET used_by = ?, used_at = ? WHERE token = ? AND used_by IS NULL")) {
                    ps.setString(1, user);
                    ps.setLong(2, Times.toMicros(createdAt));
                    ps.setString(3, signupToken.get());
                    if (ps.executeUpdate() != 1) {
                        // unreachable while the row lock holds; kept so a broken lock cannot double-spend
                        throw new PubkyException(ErrorCode.UNAUTHORIZED, "Token already used");
                    }
                }
            }
            return new UserRecord(record.user(), false, 0, record.createdAt(), quota);
        });
    }

    private record TokenRow(boolean used, QuotaOverrides quota) {
    }

    private Optional<TokenRow> lockToken(Connection c, String token) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT used_by, " + QuotaColumns.NAMES + " FROM " + tokens
                + " WHERE token = ? " + db.dialect().lockRowForWrite())) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TokenRow(rs.getString(1) != null, QuotaColumns.read(rs, 2)));
            }
        }
    }

    private boolean exists(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + users + " WHERE public_key = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<UserRecord> find(String user) {
        return db.read(c -> find(c, user));
    }

    private Optional<UserRecord> find(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + users
                + " WHERE public_key = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static UserRecord row(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getString(1), rs.getBoolean(2), rs.getLong(3), Times.fromMicros(rs.getLong(4)),
                QuotaColumns.read(rs, 5));
    }

    @Override
    public UserRecord setDisabled(String user, boolean disabled) {
        return update(user, "disabled = ?", ps -> {
            ps.setBoolean(1, disabled);
            return 1;
        });
    }

    @Override
    public UserRecord setQuota(String user, QuotaOverrides quota) {
        String set = "quota_storage_mb = ?, quota_rate_read = ?, quota_rate_write = ?, quota_rate_read_burst = ?, "
                + "quota_rate_write_burst = ?, allowed_write_paths = ?";
        return update(user, set, ps -> {
            QuotaColumns.bind(ps, 1, quota);
            return QuotaColumns.COUNT;
        });
    }

    /** Binds the SET parameters and returns how many it bound. */
    private interface Binder {
        int bind(PreparedStatement ps) throws SQLException;
    }

    private UserRecord update(String user, String set, Binder binder) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + users + " SET " + set
                    + " WHERE public_key = ?")) {
                ps.setString(binder.bind(ps) + 1, user);
                if (ps.executeUpdate() == 0) {
                    throw new PubkyException(ErrorCode.NOT_FOUND, "User not found");
                }
            }
            return find(c, user).orElseThrow(() -> new PubkyException(ErrorCode.NOT_FOUND, "User not found"));
        });
    }

    @Override
    public List<UserRecord> list(Optional<String> after, int limit) {
        if (limit < 1) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "limit must be at least 1");
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + users
                    + (after.isPresent() ? " WHERE public_key > ?" : "") + " ORDER BY public_key LIMIT ?")) {
                int i = 1;
                if (after.isPresent()) {
                    ps.setString(i++, after.get());
                }
                ps.setInt(i, limit);
                List<UserRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    /** One aggregate over the users table: a single sequential scan, nothing loaded into memory. */
    @Override
    public UserStats stats() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), "
                    + "COALESCE(SUM(CASE WHEN disabled THEN 1 ELSE 0 END), 0), COALESCE(SUM(used_bytes), 0) FROM "
                    + users);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new UserStats(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        });
    }
}
