package org.pubky.store.jdbc.metadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.CookieSession;
import org.pubky.spi.storage.SessionStore;
import org.pubky.store.jdbc.db.Database;
import org.pubky.store.jdbc.db.Times;

/** Cookie sessions in {@code pubky_sessions}; each method is one statement. Thread-safe. */
public final class JdbcSessionStore implements SessionStore {
    private final Database db;
    private final String sessions;
    private final String users;

    public JdbcSessionStore(Database db) {
        this.db = db;
        this.sessions = db.table("sessions");
        this.users = db.table("users");
    }

    @Override
    public void create(CookieSession session) {
        int inserted = db.read(c -> {
            // the user id comes from the same statement, so a missing user inserts nothing
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + sessions
                    + " (id, user_id, capabilities, created_at) SELECT ?, id, ?, ? FROM " + users
                    + " WHERE public_key = ?")) {
                ps.setString(1, session.id());
                ps.setString(2, session.capabilities());
                ps.setLong(3, Times.toMicros(session.createdAt()));
                ps.setString(4, session.user());
                return ps.executeUpdate();
            } catch (SQLException e) {
                if (db.dialect().isUniqueViolation(e)) {
                    throw new PubkyException(ErrorCode.CONFLICT, "session id is taken");
                }
                throw e;
            }
        });
        if (inserted == 0) {
            throw new PubkyException(ErrorCode.NOT_FOUND, "User not found");
        }
    }

    @Override
    public Optional<CookieSession> find(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id, u.public_key, s.capabilities, s.created_at FROM "
                    + sessions + " s JOIN " + users + " u ON u.id = s.user_id WHERE s.id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new CookieSession(rs.getString(1), rs.getString(2), rs.getString(3),
                            Times.fromMicros(rs.getLong(4))));
                }
            }
        });
    }

    @Override
    public boolean delete(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + sessions + " WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
