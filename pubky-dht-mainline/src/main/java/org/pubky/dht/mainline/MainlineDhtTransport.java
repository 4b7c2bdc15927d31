package org.pubky.dht.mainline;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.pubky.spi.dht.DhtTransport;
import org.pubky.spi.dht.MutableItem;
import org.pubky.spi.dht.PublishResult;

/**
 * {@link DhtTransport} on a {@link MainlineNode}: publish is a BEP 44 put to the closest nodes
 * (with {@code cas} when given), resolve a BEP 44 get with the lower bound as {@code seq}. The
 * transport owns the node and closes it.
 *
 * <p>Error mapping (see {@link PutOutcome#decide}): a majority of 302 answers →
 * {@code NOT_MOST_RECENT}, of 301 → {@code CONFLICT}; no answer → {@code TIMEOUT}; no node known
 * or closed → {@code UNAVAILABLE}; an item whose signature does not verify →
 * {@code INVALID_SIGNATURE} before anything is sent. Thread-safe.
 */
public final class MainlineDhtTransport implements DhtTransport {
    private final MainlineNode node;

    /** Wraps (and takes ownership of) {@code node}. */
    public MainlineDhtTransport(MainlineNode node) {
        this.node = requireNonNull(node, "node is null");
    }

    /** Starts a node with {@code config} and wraps it. */
    public static MainlineDhtTransport start(NodeConfig config) {
        return new MainlineDhtTransport(MainlineNode.start(config));
    }

    /** The node underneath (for metrics and diagnostics). */
    public MainlineNode node() {
        return node;
    }

    @Override
    public CompletableFuture<PublishResult> publish(MutableItem item, OptionalLong cas) {
        requireNonNull(item, "item is null");
        requireNonNull(cas, "cas is null");
        return node.putMutable(item, cas).thenApply(outcome -> new PublishResult(outcome.storedAt()));
    }

    @Override
    public CompletableFuture<Optional<MutableItem>> resolve(byte[] key, OptionalLong newerThan) {
        requireNonNull(key, "key is null");
        requireNonNull(newerThan, "newerThan is null");
        return node.getMutable(key, null, newerThan);
    }

    @Override
    public void close() {
        node.close();
    }

    @Override
    public String toString() {
        return "MainlineDhtTransport[" + node + "]";
    }
}
