package org.pubky.store.lmdb;

import org.lmdbjava.Txn;

/**
 * Reference counts in {@code blob-refs}: blob id (ASCII, at most 200 bytes) → 8-byte big-endian
 * count of entries pointing to the blob; the key is deleted when the count reaches zero.
 * Stateless; runs inside the caller's transaction.
 */
final class BlobRefs {
    private BlobRefs() {
    }

    static long count(LmdbEnvironment env, Txn<byte[]> txn, String blobId) {
        byte[] key = Keys.utf8(blobId);
        if (key.length == 0 || key.length > 400) {
            return 0;
        }
        byte[] v = env.blobRefs.get(txn, key);
        if (v == null) {
            return 0;
        }
        if (v.length != 8) {
            throw ValueReader.corrupt("blob reference count");
        }
        return Keys.getU64(v, 0);
    }

    static void add(LmdbEnvironment env, Txn<byte[]> txn, String blobId, long delta) {
        long n = count(env, txn, blobId) + delta;
        byte[] key = Keys.utf8(blobId);
        if (n <= 0) {
            env.blobRefs.delete(txn, key);
        } else {
            env.blobRefs.put(txn, key, Keys.u64(n));
        }
    }
}
