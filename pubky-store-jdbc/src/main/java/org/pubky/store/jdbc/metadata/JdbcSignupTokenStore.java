package org.pubky.store.jdbc.metadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.SignupTokenState;
import org.pubky.spi.storage.SignupTokenStore;
import org.pubky.store.jdbc.db.Database;
import org.pubky.store.jdbc.db.Times;

/**
 * Signup tokens in {@code pubky_signup_tokens}. Consumption happens in {@link JdbcUserStore#create}.
 * Thread-safe.
 */
public final class JdbcSignupTokenStore implements SignupTokenStore {
    private static final String COLUMNS = "token, created_at, used_by, used_at, " + QuotaColumns.NAMES;

    private final Database db;
    private final String tokens;

    public JdbcSignupTokenStore(Database db) {
        this.db = db;
        this.tokens = db.table("signup_tokens");
    }

    @Override
    public void create(SignupTokenRecord token) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tokens + " (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, token.token());
                ps.setLong(2, Times.toMicros(token.createdAt()));
                ps.setString(3, token.usedBy().orElse(null));
                if (token.usedAt().isPresent()) {
                    ps.setLong(4, Times.toMicros(token.usedAt().get()));
                } else {
                    ps.setNull(4, Types.BIGINT);
                }
                QuotaColumns.bind(ps, 5, token.quota());
                return ps.executeUpdate();
            } catch (SQLException e) {
                if (db.dialect().isUniqueViolation(e)) {
                    throw new PubkyException(ErrorCode.CONFLICT, "signup token exists");
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<SignupTokenRecord> find(String token) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + tokens
                    + " WHERE token = ?")) {
                ps.setString(1, token);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    private static SignupTokenRecord row(ResultSet rs) throws SQLException {
        Optional<String> usedBy = Optional.ofNullable(rs.getString(3));
        long usedAt = rs.getLong(4);
        Optional<Instant> used = rs.wasNull() ? Optional.empty() : Optional.of(Times.fromMicros(usedAt));
        return new SignupTokenRecord(rs.getString(1), Times.fromMicros(rs.getLong(2)), usedBy, used,
                QuotaColumns.read(rs, 5));
    }

    private static String filter(SignupTokenState state) {
        return switch (state) {
            case ALL -> "1 = 1";
            case USED -> "used_by IS NOT NULL";
            case UNUSED -> "used_by IS NULL";
        };
    }

    @Override
    public List<SignupTokenRecord> list(Optional<String> after, int limit, SignupTokenState state) {
        if (limit < 1) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "limit must be at least 1");
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + tokens + " WHERE "
                    + filter(state) + (after.isPresent() ? " AND token > ?" : "") + " ORDER BY token LIMIT ?")) {
                int i = 1;
                if (after.isPresent()) {
                    ps.setString(i++, after.get());
                }
                ps.setInt(i, limit);
                List<SignupTokenRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public long count(SignupTokenState state) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + tokens + " WHERE "
                    + filter(state));
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
