package org.pubky.store.lmdb;

import java.util.Arrays;
import org.lmdbjava.Cursor;
import org.lmdbjava.GetOp;

/**
 * Walks one user's entry paths in UTF-8 byte order, forwards or backwards, from a seek bound,
 * within the keys that start with a fixed prefix (the user plus the truncated directory).
 *
 * <p>Why this is exact although keys hold only the first {@link Keys#PATH_KEY_BYTES} path bytes:
 * truncation preserves order ({@code a < b} implies {@code trunc(a) <= trunc(b)}), so walking keys
 * in order and the paths of each bucket in order yields every path in order. A seek positions on
 * the bucket of {@code trunc(bound)} and then skips the bucket's paths on the wrong side of the
 * bound; every other bucket lies entirely on the right side.
 *
 * <p>Not thread-safe; lives inside one transaction and owns no resource (the caller closes the
 * cursor).
 */
final class PathScanner {
    private final Cursor<byte[]> cursor;
    private final byte[] user;
    private final byte[] keyPrefix;
    private byte[][] bucket;
    private int index;
    private boolean exhausted = true;

    /**
     * @param keyPrefix every visited key must start with it (user + truncated directory)
     */
    PathScanner(Cursor<byte[]> cursor, byte[] user, byte[] keyPrefix) {
        this.cursor = cursor;
        this.user = user;
        this.keyPrefix = keyPrefix;
    }

    private boolean load() {
        byte[] key = cursor.key();
        if (!Keys.startsWith(key, keyPrefix)) {
            exhausted = true;
            return false;
        }
        bucket = EntryBucket.paths(Arrays.copyOfRange(key, Keys.USER_BYTES, key.length), cursor.val());
        exhausted = false;
        return true;
    }

    /** Positions before the first path {@code >= bound} ({@code > bound} unless inclusive). */
    void seekForward(byte[] bound, boolean inclusive) {
        exhausted = true;
        if (!cursor.get(Keys.entry(user, bound), GetOp.MDB_SET_RANGE) || !load()) {
            return;
        }
        index = 0;
        while (index < bucket.length) {
            int c = Keys.compare(bucket[index], bound);
            if (c > 0 || (c == 0 && inclusive)) {
                break;
            }
            index++;
        }
    }

    /** The next path in ascending order, or null past the prefix. */
    byte[] next() {
        while (!exhausted) {
            if (index < bucket.length) {
                return bucket[index++];
            }
            if (!cursor.next() || !load()) {
                exhausted = true;
                return null;
            }
            index = 0;
        }
        return null;
    }

    /** Positions after the last path {@code <= bound} ({@code < bound} unless inclusive). */
    void seekBackward(byte[] bound, boolean inclusive) {
        exhausted = true;
        byte[] key = Keys.entry(user, bound);
        boolean found = cursor.get(key, GetOp.MDB_SET_RANGE);
        if (found && Arrays.equals(cursor.key(), key)) {
            if (!load()) {
                return;
            }
            index = bucket.length - 1;
            while (index >= 0) {
                int c = Keys.compare(bucket[index], bound);
                if (c < 0 || (c == 0 && inclusive)) {
                    break;
                }
                index--;
            }
            return;
        }
        boolean moved = found ? cursor.prev() : cursor.last();
        if (moved && load()) {
            index = bucket.length - 1;
        }
    }

    /** The next path in descending order, or null past the prefix. */
    byte[] previous() {
        while (!exhausted) {
            if (index >= 0) {
                return bucket[index--];
            }
            if (!cursor.prev() || !load()) {
                exhausted = true;
                return null;
            }
            index = bucket.length - 1;
        }
        return null;
    }
}
