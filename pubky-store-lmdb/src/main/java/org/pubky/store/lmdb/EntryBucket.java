package org.pubky.store.lmdb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pubky.spi.storage.Entry;

/**
 * The value stored under one entry key: every entry whose path shares the key's (possibly
 * truncated) path bytes, sorted by the remaining path bytes. Paths of at most
 * {@link Keys#PATH_KEY_BYTES} bytes are alone in their bucket with an empty suffix; only longer
 * paths that agree on their first 448 bytes share one.
 *
 * <p>Layout: version {@code 01}, item count (varint), then per item: suffix (varint length +
 * bytes), blob id (string), content hash (32 raw bytes), length (varint), content type (string),
 * modified-at and created-at (instants). Not thread-safe; one per transaction step.
 */
final class EntryBucket {
    /** One entry of the bucket. */
    record Item(byte[] suffix, String blobId, byte[] hash, long length, String contentType, Instant modifiedAt,
            Instant createdAt) {
    }

    private final byte[] keyPath;
    private final List<Item> items;

    private EntryBucket(byte[] keyPath, List<Item> items) {
        this.keyPath = keyPath;
        this.items = items;
    }

    static EntryBucket empty(byte[] keyPath) {
        return new EntryBucket(keyPath, new ArrayList<>(1));
    }

    /** Decodes the value stored under a key whose path part is {@code keyPath}. */
    static EntryBucket decode(byte[] keyPath, byte[] value) {
        return Codec.decode(value, "entry bucket", in -> {
            int n = in.length();
            List<Item> items = new ArrayList<>(n);
            byte[] previous = null;
            for (int i = 0; i < n; i++) {
                byte[] suffix = in.bytes();
                if (previous != null && Keys.compare(previous, suffix) >= 0) {
                    throw ValueReader.corrupt("entry bucket out of order");
                }
                previous = suffix;
                items.add(new Item(suffix, in.string(), in.raw(32), in.nonNegative(), in.string(), in.instant(),
                        in.instant()));
            }
            return new EntryBucket(keyPath, items);
        });
    }

    /**
     * Only the full paths of a stored bucket, in order, skipping the other fields without
     * materialising them: what listings need.
     */
    static byte[][] paths(byte[] keyPath, byte[] value) {
        return Codec.decode(value, "entry bucket", in -> {
            int n = in.length();
            byte[][] paths = new byte[n][];
            for (int i = 0; i < n; i++) {
                byte[] suffix = in.bytes();
                paths[i] = suffix.length == 0 ? keyPath : Keys.concat(keyPath, suffix);
                if (i > 0 && Keys.compare(paths[i - 1], paths[i]) >= 0) {
                    throw ValueReader.corrupt("entry bucket out of order");
                }
                in.skip(in.length()); // blob id
                in.skip(32); // content hash
                in.varLong(); // length
                in.skip(in.length()); // content type
                in.zigZag(); // modified-at
                in.varLong();
                in.zigZag(); // created-at
                in.varLong();
            }
            return paths;
        });
    }

    byte[] encode() {
        ValueWriter out = new ValueWriter(64 + 128 * items.size()).u8(Codec.V1).varLong(items.size());
        for (Item item : items) {
            out.bytes(item.suffix()).string(item.blobId()).raw(item.hash()).varLong(item.length())
                    .string(item.contentType()).instant(item.modifiedAt()).instant(item.createdAt());
        }
        return out.toByteArray();
    }

    int size() {
        return items.size();
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    Item item(int i) {
        return items.get(i);
    }

    /** Index of the item with this suffix, or {@code -(insertion point) - 1}. */
    int indexOf(byte[] suffix) {
        int lo = 0;
        int hi = items.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Keys.compare(items.get(mid).suffix(), suffix);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** The full path bytes of item {@code i}. */
    byte[] path(int i) {
        return Keys.concat(keyPath, items.get(i).suffix());
    }

    Entry entry(String user, int i) {
        Item it = items.get(i);
        return new Entry(user, Keys.string(path(i)), it.blobId(), it.hash(), it.length(), it.contentType(),
                it.modifiedAt(), it.createdAt());
    }

    /** Inserts or replaces the item with the same suffix. */
    void put(Item item) {
        int i = indexOf(item.suffix());
        if (i >= 0) {
            items.set(i, item);
        } else {
            items.add(-i - 1, item);
        }
    }

    void remove(int i) {
        items.remove(i);
    }
}
