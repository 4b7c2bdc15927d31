package org.pubky.store.lmdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lmdbjava.Txn;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The {@code meta} database: the on-disk format marker and the counters that keep
 * {@code stats()}, token counts and the event cursor O(1). Counter values are 8-byte big-endian.
 * Stateless; every method runs inside the caller's transaction.
 */
final class Meta {
    static final String FORMAT = "format";
    static final String EVENT_SEQ = "event-seq";
    static final String USERS = "users";
    static final String DISABLED_USERS = "users-disabled";
    static final String USED_BYTES = "used-bytes";
    static final String TOKENS = "tokens";
    static final String TOKENS_USED = "tokens-used";

    /** Format 1, entry keys holding 448 path bytes. */
    private static final byte[] FORMAT_V1 = {1, (byte) (Keys.PATH_KEY_BYTES >>> 8), (byte) Keys.PATH_KEY_BYTES};

    private Meta() {
    }

    private static byte[] key(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    static void checkFormat(LmdbEnvironment env) {
        env.write(txn -> {
            byte[] stored = env.meta.get(txn, key(FORMAT));
            if (stored == null) {
                env.meta.put(txn, key(FORMAT), FORMAT_V1);
            } else if (!Arrays.equals(stored, FORMAT_V1)) {
                throw new PubkyException(ErrorCode.STORAGE_FAILURE,
                        "the LMDB directory holds an unsupported format; upgrade pubky-java");
            }
            return null;
        });
    }

    static long get(LmdbEnvironment env, Txn<byte[]> txn, String name) {
        byte[] v = env.meta.get(txn, key(name));
        if (v == null) {
            return 0;
        }
        if (v.length != 8) {
            throw ValueReader.corrupt("counter " + name);
        }
        return Keys.getU64(v, 0);
    }

    static void set(LmdbEnvironment env, Txn<byte[]> txn, String name, long value) {
        env.meta.put(txn, key(name), Keys.u64(value));
    }

    static long add(LmdbEnvironment env, Txn<byte[]> txn, String name, long delta) {
        long value = Math.max(0, get(env, txn, name) + delta);
        set(env, txn, name, value);
        return value;
    }
}
