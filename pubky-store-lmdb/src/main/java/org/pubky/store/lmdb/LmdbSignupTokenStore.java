package org.pubky.store.lmdb;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.GetOp;
import org.lmdbjava.PutFlags;
import org.lmdbjava.Txn;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.SignupTokenState;
import org.pubky.spi.storage.SignupTokenStore;

/**
 * Signup tokens in {@code tokens} (key: token text), with two key-only indexes
 * ({@code tokens-unused}, {@code tokens-used}) so that listing by state pages in O(limit), and
 * counters in {@link Meta} so that {@link #count} is O(1). Thread-safe.
 */
final class LmdbSignupTokenStore implements SignupTokenStore {
    private static final byte[] EMPTY = new byte[0];

    private final LmdbEnvironment env;

    LmdbSignupTokenStore(LmdbEnvironment env) {
        this.env = env;
    }

    static Optional<SignupTokenRecord> find(LmdbEnvironment env, Txn<byte[]> txn, String token) {
        byte[] key = Keys.utf8(token);
        if (key.length == 0 || key.length > 128) {
            return Optional.empty();
        }
        byte[] v = env.tokens.get(txn, key);
        return v == null ? Optional.empty() : Optional.of(Codec.token(token, v));
    }

    /** Records that an unused token was consumed; inside the signup unit. */
    static void markUsed(LmdbEnvironment env, Txn<byte[]> txn, SignupTokenRecord used) {
        byte[] key = Keys.utf8(used.token());
        env.tokens.put(txn, key, Codec.token(used));
        env.tokensUnused.delete(txn, key);
        env.tokensUsed.put(txn, key, EMPTY);
        Meta.add(env, txn, Meta.TOKENS_USED, 1);
    }

    @Override
    public void create(SignupTokenRecord token) {
        requireNonNull(token, "token is null");
        byte[] key = Keys.utf8(token.token());
        env.write(txn -> {
            if (!env.tokens.put(txn, key, Codec.token(token), PutFlags.MDB_NOOVERWRITE)) {
                throw new PubkyException(ErrorCode.CONFLICT, "Signup token already exists");
            }
            boolean used = token.usedBy().isPresent();
            (used ? env.tokensUsed : env.tokensUnused).put(txn, key, EMPTY);
            Meta.add(env, txn, Meta.TOKENS, 1);
            if (used) {
                Meta.add(env, txn, Meta.TOKENS_USED, 1);
            }
            return null;
        });
    }

    @Override
    public Optional<SignupTokenRecord> find(String token) {
        requireNonNull(token, "token is null");
        return env.read(txn -> find(env, txn, token));
    }

    @Override
    public List<SignupTokenRecord> list(Optional<String> after, int limit, SignupTokenState state) {
        requireNonNull(after, "after is null");
        requireNonNull(state, "state is null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Dbi<byte[]> index = switch (state) {
            case ALL -> env.tokens;
            case USED -> env.tokensUsed;
            case UNUSED -> env.tokensUnused;
        };
        return env.read(txn -> {
            List<SignupTokenRecord> out = new ArrayList<>(Math.min(limit, 1024));
            try (Cursor<byte[]> c = index.openCursor(txn)) {
                byte[] start = after.map(Keys::utf8).orElse(null);
                boolean ok = start != null && start.length > 0 ? c.get(start, GetOp.MDB_SET_RANGE) : c.first();
                if (ok && start != null && Keys.compare(c.key(), start) == 0) {
                    ok = c.next();
                }
                while (ok && out.size() < limit) {
                    String token = Keys.string(c.key());
                    byte[] value = index == env.tokens ? c.val() : env.tokens.get(txn, c.key());
                    out.add(Codec.token(token, value));
                    ok = c.next();
                }
            }
            return out;
        });
    }

    @Override
    public long count(SignupTokenState state) {
        requireNonNull(state, "state is null");
        return env.read(txn -> {
            long all = Meta.get(env, txn, Meta.TOKENS);
            long used = Meta.get(env, txn, Meta.TOKENS_USED);
            return switch (state) {
                case ALL -> all;
                case USED -> used;
                case UNUSED -> all - used;
            };
        });
    }
}
