package org.pubky.dht.mainline.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.pubky.core.bencode.BencodeValue;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.dht.mainline.storage.MutablePutRule.Decision;
import org.pubky.spi.dht.MutableItem;

/**
 * BEP 44 items this node stores for others: mutable items by target (with the put rules of
 * {@link MutablePutRule}) and immutable values by target, each in its own LRU bounded by entry
 * count (a read or an accepted put makes an entry most recent; the least recent goes first).
 * Items do not expire by time: they are pushed out by newer ones, as in the Rust node and
 * bittorrent-dht. Callers verify signatures and sizes before {@link #putMutable}.
 *
 * <p>Thread-safe (one monitor).
 */
public final class ItemStorage {
    private final LinkedHashMap<NodeId, MutableItem> mutable;
    private final LinkedHashMap<NodeId, BencodeValue> immutable;

    public ItemStorage(int maxMutable, int maxImmutable) {
        this.mutable = lru(maxMutable);
        this.immutable = lru(maxImmutable);
    }

    private static <V> LinkedHashMap<NodeId, V> lru(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        return new LinkedHashMap<>(Math.min(max, 1024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<NodeId, V> eldest) {
                return size() > max;
            }
        };
    }

    /** The mutable item stored under {@code target}, or {@code null}. */
    public synchronized MutableItem getMutable(NodeId target) {
        return mutable.get(target);
    }

    /** Applies the put rules; stores the item when they allow. */
    public synchronized Decision putMutable(NodeId target, MutableItem item, OptionalLong cas) {
        MutableItem stored = mutable.get(target);
        Decision d = stored == null
                ? Decision.STORE
                : MutablePutRule.decide(OptionalLong.of(stored.seq()), stored.value(), item.seq(), item.value(), cas);
        if (d == Decision.STORE) {
            mutable.put(target, item);
        }
        return d;
    }

    /** The immutable value stored under {@code target}, or {@code null}. */
    public synchronized BencodeValue getImmutable(NodeId target) {
        return immutable.get(target);
    }

    /** Stores an immutable value; the caller checked that {@code target} is the SHA-1 of its encoding. */
    public synchronized void putImmutable(NodeId target, BencodeValue value) {
        immutable.put(target, value);
    }

    public synchronized int mutableCount() {
        return mutable.size();
    }

    public synchronized int immutableCount() {
        return immutable.size();
    }
}
