package org.pubky.store.lmdb;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.lmdbjava.PutFlags;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.CookieSession;
import org.pubky.spi.storage.SessionStore;

/**
 * Cookie sessions in {@code sessions} (key: the UTF-8 session id, at most 128 characters, so at
 * most 384 bytes, within LMDB's key limit). Thread-safe.
 */
final class LmdbSessionStore implements SessionStore {
    private final LmdbEnvironment env;

    LmdbSessionStore(LmdbEnvironment env) {
        this.env = env;
    }

    private static byte[] key(String id) {
        byte[] key = Keys.utf8(requireNonNull(id, "id is null"));
        return key.length == 0 || key.length > 384 ? null : key;
    }

    @Override
    public void create(CookieSession session) {
        requireNonNull(session, "session is null");
        byte[] key = key(session.id());
        env.write(txn -> {
            LmdbUserStore.require(env, txn, session.user());
            if (!env.sessions.put(txn, key, Codec.session(session), PutFlags.MDB_NOOVERWRITE)) {
                throw new PubkyException(ErrorCode.CONFLICT, "Session id already exists");
            }
            return null;
        });
    }

    @Override
    public Optional<CookieSession> find(String id) {
        byte[] key = key(id);
        if (key == null) {
            return Optional.empty();
        }
        return env.read(txn -> {
            byte[] v = env.sessions.get(txn, key);
            return v == null ? Optional.empty() : Optional.of(Codec.session(id, v));
        });
    }

    @Override
    public boolean delete(String id) {
        byte[] key = key(id);
        if (key == null) {
            return false;
        }
        return env.write(txn -> env.sessions.delete(txn, key));
    }
}
