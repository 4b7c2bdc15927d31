package org.pubky.store.lmdb;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import org.lmdbjava.Cursor;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.ReplayStore;

/**
 * Single-use values in {@code replays} (key: the value's UTF-8 bytes) with a time index
 * {@code replays-by-time} (key: 12 sortable time bytes + the value) so that purging costs
 * O(purged). {@link #firstUse} runs in a write transaction: with LMDB's single writer, exactly one
 * of concurrent calls with one key sees it absent. Thread-safe.
 */
final class LmdbReplayStore implements ReplayStore {
    private static final byte[] EMPTY = new byte[0];
    private static final int TIME_BYTES = 12;

    private final LmdbEnvironment env;

    LmdbReplayStore(LmdbEnvironment env) {
        this.env = env;
    }

    @Override
    public boolean firstUse(String key, Instant at) {
        requireNonNull(key, "key is null");
        requireNonNull(at, "at is null");
        if (key.isEmpty() || key.length() > 128) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "single-use value must be 1-128 characters");
        }
        byte[] k = Keys.utf8(key);
        return env.write(txn -> {
            if (env.replays.get(txn, k) != null) {
                return false;
            }
            env.replays.put(txn, k, Codec.replay(at));
            env.replaysByTime.put(txn, Keys.timeThen(at, k), EMPTY);
            return true;
        });
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        requireNonNull(cutoff, "cutoff is null");
        byte[] bound = Keys.time(cutoff);
        return env.write(txn -> {
            int purged = 0;
            try (Cursor<byte[]> c = env.replaysByTime.openCursor(txn)) {
                boolean ok = c.first();
                while (ok) {
                    byte[] key = c.key();
                    if (Arrays.compareUnsigned(key, 0, TIME_BYTES, bound, 0, TIME_BYTES) >= 0) {
                        break;
                    }
                    env.replays.delete(txn, Arrays.copyOfRange(key, TIME_BYTES, key.length));
                    c.delete();
                    purged++;
                    ok = c.get(key, org.lmdbjava.GetOp.MDB_SET_RANGE);
                }
            }
            return purged;
        });
    }
}
