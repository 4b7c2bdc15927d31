package org.pubky.spi.dht;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A way to publish and resolve BEP44 mutable items: a Mainline DHT node, a PKARR relay client, or
 * an in-memory network in tests. PKARR and DNS encoding stay in the core; a transport only moves
 * signed items.
 *
 * <p>Thread-safe; every method returns at once and completes its future later (never on the
 * caller's thread holding a lock of the transport). Futures fail with
 * {@link org.pubky.spi.PubkyException}: {@code NOT_MOST_RECENT} when the network holds a more
 * recent item (or, with {@code cas}, a different one: {@code CONFLICT}), {@code TIMEOUT} when no
 * node answered in time, {@code UNAVAILABLE} when the transport cannot reach the network at all.
 */
public interface DhtTransport extends AutoCloseable {
    /**
     * Stores the item on the network (the closest nodes, or every configured relay).
     *
     * @param cas compare-and-swap: the {@code seq} the publisher built upon, if it wants the put to
     *     fail when the network moved on (BEP44 {@code cas}; older relay dialects' {@code If-Match})
     */
    CompletableFuture<PublishResult> publish(MutableItem item, OptionalLong cas);

    /**
     * The most recent item stored under {@code key} (no salt) that the transport could find:
     * highest {@code seq}, ties broken by the larger value (unsigned byte order). Items are returned
     * as received; callers verify signatures.
     *
     * @param newerThan skip work for items with {@code seq} at or below this (BEP44 {@code seq} in
     *     {@code get}; relay {@code If-Modified-Since}); an empty result then means "nothing newer"
     */
    CompletableFuture<Optional<MutableItem>> resolve(byte[] key, OptionalLong newerThan);

    /** Stops the transport; pending futures fail with {@code UNAVAILABLE}. Idempotent. */
    @Override
    void close();
}
