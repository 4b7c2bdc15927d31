package org.pubky.store.lmdb;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lmdbjava.Cursor;
import org.lmdbjava.GetOp;
import org.lmdbjava.Txn;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BearerSession;
import org.pubky.spi.storage.GrantRecord;
import org.pubky.spi.storage.GrantStore;
import org.pubky.spi.storage.UnitProbe;

/**
 * Grants and bearer-token hashes.
 *
 * <ul>
 *   <li>{@code grants}: grant id → grant</li>
 *   <li>{@code grants-by-user}: user (52 bytes) + grant id → empty, for {@link #listActive}</li>
 *   <li>{@code bearers}: SHA-256 of the token (32 bytes) → grant id + expiry</li>
 *   <li>{@code bearers-by-grant}: length byte + grant id + token hash → empty, for revoke/replace</li>
 *   <li>{@code bearers-by-expiry}: 12 time bytes + token hash → empty, for {@link #purgeExpiredBearers}</li>
 * </ul>
 *
 * Each method is one write or read transaction. Thread-safe.
 */
final class LmdbGrantStore implements GrantStore {
    private static final byte[] EMPTY = new byte[0];
    private static final int HASH_BYTES = 32;
    private static final int TIME_BYTES = 12;

    private final LmdbEnvironment env;
    private final UnitProbe probe;

    LmdbGrantStore(LmdbEnvironment env, UnitProbe probe) {
        this.env = env;
        this.probe = probe;
    }

    private static byte[] grantKey(String grantId) {
        requireNonNull(grantId, "grantId is null");
        byte[] key = Keys.utf8(grantId);
        return key.length == 0 || key.length > 64 ? null : key;
    }

    private static byte[] hash(byte[] tokenHash) {
        requireNonNull(tokenHash, "tokenHash is null");
        if (tokenHash.length != HASH_BYTES) {
            throw new IllegalArgumentException("tokenHash must be 32 bytes");
        }
        return tokenHash.clone();
    }

    private Optional<GrantRecord> find(Txn<byte[]> txn, String grantId, byte[] key) {
        byte[] v = env.grants.get(txn, key);
        return v == null ? Optional.empty() : Optional.of(Codec.grant(grantId, v));
    }

    @Override
    public GrantRecord storeIfAbsent(GrantRecord grant) {
        requireNonNull(grant, "grant is null");
        byte[] key = grantKey(grant.grantId());
        return env.write(txn -> {
            LmdbUserStore.require(env, txn, grant.user());
            Optional<GrantRecord> existing = find(txn, grant.grantId(), key);
            if (existing.isPresent()) {
                return existing.get();
            }
            env.grants.put(txn, key, Codec.grant(grant));
            env.grantsByUser.put(txn, Keys.concat(Keys.user(grant.user()), key), EMPTY);
            return grant;
        });
    }

    @Override
    public Optional<GrantRecord> find(String grantId) {
        byte[] key = grantKey(grantId);
        return key == null ? Optional.empty() : env.read(txn -> find(txn, grantId, key));
    }

    @Override
    public boolean revoke(String grantId, Instant at) {
        requireNonNull(at, "at is null");
        byte[] key = grantKey(grantId);
        if (key == null) {
            return false;
        }
        return env.write(txn -> {
            Optional<GrantRecord> grant = find(txn, grantId, key);
            if (grant.isEmpty()) {
                return false;
            }
            if (grant.get().revokedAt().isEmpty()) {
                env.grants.put(txn, key, Codec.grant(grant.get().revoked(at)));
            }
            deleteBearers(txn, key);
            return true;
        });
    }

    /** Deletes every bearer of the grant from all three bearer databases. */
    private void deleteBearers(Txn<byte[]> txn, byte[] grantKey) {
        byte[] prefix = Keys.prefixed(grantKey, EMPTY);
        try (Cursor<byte[]> c = env.bearersByGrant.openCursor(txn)) {
            boolean ok = c.get(prefix, GetOp.MDB_SET_RANGE);
            while (ok && Keys.startsWith(c.key(), prefix)) {
                byte[] k = c.key();
                byte[] tokenHash = Arrays.copyOfRange(k, prefix.length, k.length);
                byte[] bearer = env.bearers.get(txn, tokenHash);
                if (bearer != null) {
                    env.bearersByExpiry.delete(txn, Keys.timeThen(Codec.bearer(bearer).expiresAt(), tokenHash));
                    env.bearers.delete(txn, tokenHash);
                }
                c.delete();
                ok = c.get(prefix, GetOp.MDB_SET_RANGE);
            }
        }
    }

    @Override
    public List<GrantRecord> listActive(String user, Instant now) {
        byte[] prefix = Keys.user(user);
        requireNonNull(now, "now is null");
        return env.read(txn -> {
            List<GrantRecord> out = new ArrayList<>();
            try (Cursor<byte[]> c = env.grantsByUser.openCursor(txn)) {
                boolean ok = c.get(prefix, GetOp.MDB_SET_RANGE);
                while (ok && Keys.startsWith(c.key(), prefix)) {
                    byte[] k = c.key();
                    byte[] grantKey = Arrays.copyOfRange(k, prefix.length, k.length);
                    find(txn, Keys.string(grantKey), grantKey).filter(g -> g.isActive(now)).ifPresent(out::add);
                    ok = c.next();
                }
            }
            return out;
        });
    }

    @Override
    public void replaceBearer(String grantId, byte[] tokenHash, Instant expiresAt) {
        byte[] hash = hash(tokenHash);
        requireNonNull(expiresAt, "expiresAt is null");
        byte[] key = grantKey(grantId);
        if (key == null) {
            throw new PubkyException(ErrorCode.NOT_FOUND, "Grant not found");
        }
        env.write(txn -> {
            if (env.grants.get(txn, key) == null) {
                throw new PubkyException(ErrorCode.NOT_FOUND, "Grant not found");
            }
            deleteBearers(txn, key);
            probe.reached(UnitProbe.BEARERS_DELETED);
            byte[] old = env.bearers.get(txn, hash);
            if (old != null) {
                // the same hash minted for another grant (practically impossible): it moves here
                Codec.Bearer b = Codec.bearer(old);
                env.bearersByExpiry.delete(txn, Keys.timeThen(b.expiresAt(), hash));
                env.bearersByGrant.delete(txn, Keys.prefixed(Keys.utf8(b.grantId()), hash));
            }
            env.bearers.put(txn, hash, Codec.bearer(grantId, expiresAt));
            env.bearersByGrant.put(txn, Keys.prefixed(key, hash), EMPTY);
            env.bearersByExpiry.put(txn, Keys.timeThen(expiresAt, hash), EMPTY);
            return null;
        });
    }

    @Override
    public Optional<BearerSession> findBearer(byte[] tokenHash) {
        byte[] hash = hash(tokenHash);
        return env.read(txn -> {
            byte[] v = env.bearers.get(txn, hash);
            if (v == null) {
                return Optional.empty();
            }
            Codec.Bearer b = Codec.bearer(v);
            return find(txn, b.grantId(), Keys.utf8(b.grantId())).map(g -> new BearerSession(g, b.expiresAt()));
        });
    }

    @Override
    public int purgeExpiredBearers(Instant now) {
        requireNonNull(now, "now is null");
        byte[] bound = Keys.time(now);
        return env.write(txn -> {
            int purged = 0;
            try (Cursor<byte[]> c = env.bearersByExpiry.openCursor(txn)) {
                boolean ok = c.first();
                while (ok) {
                    byte[] k = c.key();
                    if (Arrays.compareUnsigned(k, 0, TIME_BYTES, bound, 0, TIME_BYTES) >= 0) {
                        break;
                    }
                    byte[] hash = Arrays.copyOfRange(k, TIME_BYTES, k.length);
                    byte[] bearer = env.bearers.get(txn, hash);
                    if (bearer != null) {
                        env.bearersByGrant.delete(txn, Keys.prefixed(Keys.utf8(Codec.bearer(bearer).grantId()), hash));
                        env.bearers.delete(txn, hash);
                    }
                    c.delete();
                    purged++;
                    ok = c.get(k, GetOp.MDB_SET_RANGE);
                }
            }
            return purged;
        });
    }
}
