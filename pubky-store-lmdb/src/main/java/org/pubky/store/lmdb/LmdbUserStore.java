package org.pubky.store.lmdb;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lmdbjava.Cursor;
import org.lmdbjava.GetOp;
import org.lmdbjava.Txn;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.UnitProbe;
import org.pubky.spi.storage.UserRecord;
import org.pubky.spi.storage.UserStats;
import org.pubky.spi.storage.UserStore;

/**
 * Users in the {@code users} database (key: the 52 ASCII bytes of the user, so key order is
 * z-base-32 text order). Signup consumes its token in the same write transaction. The counters
 * behind {@link #stats()} live in {@link Meta} and change in the transactions that change users
 * or used bytes. Thread-safe.
 */
final class LmdbUserStore implements UserStore {
    private final LmdbEnvironment env;
    private final UnitProbe probe;

    LmdbUserStore(LmdbEnvironment env, UnitProbe probe) {
        this.env = env;
        this.probe = probe;
    }

    /** The user record inside a transaction, if any. */
    static Optional<UserRecord> find(LmdbEnvironment env, Txn<byte[]> txn, String user) {
        byte[] v = env.users.get(txn, Keys.user(user));
        return v == null ? Optional.empty() : Optional.of(Codec.user(user, v));
    }

    static UserRecord require(LmdbEnvironment env, Txn<byte[]> txn, String user) {
        return find(env, txn, user).orElseThrow(() -> new PubkyException(ErrorCode.NOT_FOUND, "User not found"));
    }

    static void store(LmdbEnvironment env, Txn<byte[]> txn, UserRecord record) {
        env.users.put(txn, Keys.user(record.user()), Codec.user(record));
    }

    @Override
    public UserRecord create(String user, Instant createdAt, Optional<String> signupToken) {
        Keys.user(user);
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(signupToken, "signupToken is null");
        return env.write(txn -> {
            if (find(env, txn, user).isPresent()) {
                throw new PubkyException(ErrorCode.CONFLICT, "User already exists");
            }
            Optional<SignupTokenRecord> token = Optional.empty();
            if (signupToken.isPresent()) {
                token = LmdbSignupTokenStore.find(env, txn, signupToken.get());
                if (token.isEmpty()) {
                    throw new PubkyException(ErrorCode.UNAUTHORIZED, "Invalid token");
                }
                if (token.get().usedBy().isPresent()) {
                    throw new PubkyException(ErrorCode.UNAUTHORIZED, "Token already used");
                }
            }
            QuotaOverrides quota = token.map(SignupTokenRecord::quota).orElse(QuotaOverrides.NONE);
            UserRecord record = new UserRecord(user, false, 0, createdAt, quota);
            store(env, txn, record);
            Meta.add(env, txn, Meta.USERS, 1);
            probe.reached(UnitProbe.USER_CREATED);
            if (token.isPresent()) {
                SignupTokenRecord t = token.get();
                LmdbSignupTokenStore.markUsed(env, txn,
                        new SignupTokenRecord(t.token(), t.createdAt(), Optional.of(user), Optional.of(createdAt),
                                t.quota()));
            }
            return record;
        });
    }

    @Override
    public Optional<UserRecord> find(String user) {
        Keys.user(user);
        return env.read(txn -> find(env, txn, user));
    }

    @Override
    public UserRecord setDisabled(String user, boolean disabled) {
        Keys.user(user);
        return env.write(txn -> {
            UserRecord old = require(env, txn, user);
            if (old.disabled() == disabled) {
                return old;
            }
            UserRecord updated = new UserRecord(user, disabled, old.usedBytes(), old.createdAt(), old.quota());
            store(env, txn, updated);
            Meta.add(env, txn, Meta.DISABLED_USERS, disabled ? 1 : -1);
            return updated;
        });
    }

    @Override
    public UserRecord setQuota(String user, QuotaOverrides quota) {
        Keys.user(user);
        requireNonNull(quota, "quota is null");
        return env.write(txn -> {
            UserRecord old = require(env, txn, user);
            UserRecord updated = new UserRecord(user, old.disabled(), old.usedBytes(), old.createdAt(), quota);
            store(env, txn, updated);
            return updated;
        });
    }

    @Override
    public List<UserRecord> list(Optional<String> after, int limit) {
        requireNonNull(after, "after is null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return env.read(txn -> {
            List<UserRecord> out = new ArrayList<>(Math.min(limit, 1024));
            try (Cursor<byte[]> c = env.users.openCursor(txn)) {
                boolean ok = after.isPresent() ? c.get(Keys.utf8(after.get()), GetOp.MDB_SET_RANGE) : c.first();
                if (ok && after.isPresent() && Keys.string(c.key()).equals(after.get())) {
                    ok = c.next();
                }
                while (ok && out.size() < limit) {
                    out.add(Codec.user(Keys.string(c.key()), c.val()));
                    ok = c.next();
                }
            }
            return out;
        });
    }

    @Override
    public UserStats stats() {
        return env.read(txn -> new UserStats(Meta.get(env, txn, Meta.USERS), Meta.get(env, txn, Meta.DISABLED_USERS),
                Meta.get(env, txn, Meta.USED_BYTES)));
    }

    /** Sets a user's used bytes and keeps the global counter in step; inside a unit. */
    static UserRecord changeUsage(LmdbEnvironment env, Txn<byte[]> txn, UserRecord user, long newUsed) {
        long used = Math.max(0, newUsed);
        UserRecord updated = new UserRecord(user.user(), user.disabled(), used, user.createdAt(), user.quota());
        store(env, txn, updated);
        Meta.add(env, txn, Meta.USED_BYTES, used - user.usedBytes());
        return updated;
    }
}
