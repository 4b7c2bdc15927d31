package org.pubky.dht.mainline;

import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.pubky.core.bencode.Bencode;
import org.pubky.core.bencode.BencodeList;
import org.pubky.core.bencode.BencodeValue;
import org.pubky.core.bencode.BencodeWriter;
import org.pubky.core.bep44.Bep44;
import org.pubky.dht.mainline.krpc.Compact;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.dht.mainline.routing.NodeInfo;
import org.pubky.dht.mainline.routing.RoutingTable;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.dht.MutableItem;

/**
 * The client-side operations of a node, each an iterative lookup and, for stores, a round of
 * write queries to the closest responders. Stateless apart from the node; futures complete on the
 * node's scheduler.
 */
final class Operations {
    private final MainlineNode node;

    Operations(MainlineNode node) {
        this.node = node;
    }

    static void idOnly(BencodeWriter w, NodeId self) {
        w.beginDict().writeString("id").writeString(self.bytes()).end();
    }

    CompletableFuture<LookupResult> lookup(NodeId target, String method, QueryArgs args, Lookup.Visitor visitor, boolean withBootstrap) {
        List<NodeInfo> seeds = node.routingTable().closestSecureFirst(target, RoutingTable.K);
        List<InetSocketAddress> bootstrap = node.bootstrapAddresses();
        if (!withBootstrap && seeds.size() >= Math.max(1, bootstrap.size())) {
            bootstrap = List.of();
        }
        if (seeds.isEmpty() && bootstrap.isEmpty()) {
            return CompletableFuture.failedFuture(new PubkyException(ErrorCode.UNAVAILABLE,
                    "the DHT node knows no other node (empty routing table, no resolvable bootstrap node)"));
        }
        return new Lookup(node, target, method, args, visitor, node.config().concurrency()).start(seeds, bootstrap);
    }

    CompletableFuture<List<NodeInfo>> findNode(NodeId target, boolean withBootstrap) {
        QueryArgs args = (w, self) -> w.beginDict()
                .writeString("id").writeString(self.bytes())
                .writeString("target").writeString(target.bytes())
                .end();
        return lookup(target, "find_node", args, r -> { }, withBootstrap)
                .thenApply(result -> result.closest().stream().map(Responder::node).toList());
    }

    CompletableFuture<Optional<MutableItem>> getMutable(byte[] key, byte[] salt, OptionalLong newerThan) {
        checkKey(key, salt);
        NodeId target = NodeId.of(Bep44.target(key, salt));
        MutableCollector collector = new MutableCollector(key, salt, newerThan);
        collector.offer(node.storage().getMutable(target));
        QueryArgs args = (w, self) -> {
            w.beginDict().writeString("id").writeString(self.bytes());
            if (newerThan.isPresent()) {
                w.writeString("seq").writeInteger(newerThan.getAsLong());
            }
            w.writeString("target").writeString(target.bytes()).end();
        };
        return lookup(target, "get", args, collector, false).handle((result, failure) -> {
            Optional<MutableItem> best = collector.best();
            if (best.isPresent()) {
                return best;
            }
            if (failure != null) {
                throw failure instanceof RuntimeException re ? re : new PubkyException(ErrorCode.INTERNAL, "lookup failed", failure);
            }
            if (result.responded() == 0) {
                throw new PubkyException(ErrorCode.TIMEOUT, "no DHT node answered (" + result.queried() + " asked)");
            }
            return Optional.empty();
        });
    }

    CompletableFuture<PutOutcome> putMutable(MutableItem item, OptionalLong cas) {
        byte[] key = item.key();
        byte[] salt = item.salt().orElse(null);
        byte[] value = item.value();
        byte[] signature = item.signature();
        byte[] signable = Bep44.signable(salt, item.seq(), value);
        if (!Ed25519.verify(signature, 0, key, 0, signable, 0, signable.length)) {
            return CompletableFuture.failedFuture(new PubkyException(ErrorCode.INVALID_SIGNATURE,
                    "the item's signature does not verify; the DHT would refuse it"));
        }
        NodeId target = NodeId.of(Bep44.target(key, salt));
        if (node.isServing()) {
            node.storage().putMutable(target, item, cas);
        }
        return lookup(target, "get", targetArgs(target), r -> { }, false).thenCompose(result ->
                StoreRequest.send(node, target, result.closest(), "put", (w, self, token) -> {
                    w.beginDict();
                    if (cas.isPresent()) {
                        w.writeString("cas").writeInteger(cas.getAsLong());
                    }
                    w.writeString("id").writeString(self.bytes());
                    w.writeString("k").writeString(key);
                    if (salt != null) {
                        w.writeString("salt").writeString(salt);
                    }
                    w.writeString("seq").writeInteger(item.seq());
                    w.writeString("sig").writeString(signature);
                    w.writeString("token").writeString(token);
                    w.writeString("v").writeString(value);
                    w.end();
                }));
    }

    CompletableFuture<Optional<byte[]>> getImmutable(NodeId target) {
        byte[][] found = new byte[1][];
        BencodeValue local = node.storage().getImmutable(target);
        if (local != null) {
            found[0] = Bencode.encode(local);
        }
        Lookup.Visitor visitor = r -> {
            BencodeValue v = r.body().get("v");
            if (v != null && !r.body().containsKey("k")) {
                byte[] encoded = Bencode.encode(v);
                if (target.equals(NodeId.of(Bep44.immutableTarget(encoded)))) {
                    synchronized (found) {
                        found[0] = encoded;
                    }
                }
            }
        };
        return lookup(target, "get", targetArgs(target), visitor, false).thenApply(result -> {
            synchronized (found) {
                if (found[0] == null && result.responded() == 0) {
                    throw new PubkyException(ErrorCode.TIMEOUT, "no DHT node answered (" + result.queried() + " asked)");
                }
                return Optional.ofNullable(found[0]);
            }
        });
    }

    CompletableFuture<PutOutcome> putImmutable(byte[] bencodedValue) {
        BencodeValue value = Bencode.decode(bencodedValue.clone());
        if (bencodedValue.length > MutableItem.MAX_VALUE_BYTES) {
            return CompletableFuture.failedFuture(new PubkyException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "immutable value is " + bencodedValue.length + " bytes, more than " + MutableItem.MAX_VALUE_BYTES));
        }
        NodeId target = NodeId.of(Bep44.immutableTarget(bencodedValue));
        if (node.isServing()) {
            node.storage().putImmutable(target, value);
        }
        return lookup(target, "get", targetArgs(target), r -> { }, false).thenCompose(result ->
                StoreRequest.send(node, target, result.closest(), "put", (w, self, token) -> w.beginDict()
                        .writeString("id").writeString(self.bytes())
                        .writeString("token").writeString(token)
                        .writeString("v").write(value)
                        .end()));
    }

    CompletableFuture<List<InetSocketAddress>> getPeers(NodeId infoHash) {
        Set<InetSocketAddress> found = new LinkedHashSet<>();
        Lookup.Visitor visitor = r -> {
            if (r.body().get("values") instanceof BencodeList values) {
                List<InetSocketAddress> peers = Compact.parsePeers(values);
                synchronized (found) {
                    found.addAll(peers);
                }
            }
        };
        return lookup(infoHash, "get_peers", infoHashArgs(infoHash), visitor, false).thenApply(result -> {
            synchronized (found) {
                return List.copyOf(found);
            }
        });
    }

    CompletableFuture<PutOutcome> announcePeer(NodeId infoHash, int port) {
        if (port < 0 || port > 65535) {
            return CompletableFuture.failedFuture(new PubkyException(ErrorCode.MALFORMED_INPUT, "port must be 0..65535"));
        }
        int announced = port == 0 ? node.localAddress().getPort() : port;
        return lookup(infoHash, "get_peers", infoHashArgs(infoHash), r -> { }, false).thenCompose(result ->
                StoreRequest.send(node, infoHash, result.closest(), "announce_peer", (w, self, token) -> w.beginDict()
                        .writeString("id").writeString(self.bytes())
                        .writeString("implied_port").writeInteger(port == 0 ? 1 : 0)
                        .writeString("info_hash").writeString(infoHash.bytes())
                        .writeString("port").writeInteger(announced)
                        .writeString("token").writeString(token)
                        .end()));
    }

    private static QueryArgs targetArgs(NodeId target) {
        return (w, self) -> w.beginDict()
                .writeString("id").writeString(self.bytes())
                .writeString("target").writeString(target.bytes())
                .end();
    }

    private static QueryArgs infoHashArgs(NodeId infoHash) {
        return (w, self) -> w.beginDict()
                .writeString("id").writeString(self.bytes())
                .writeString("info_hash").writeString(infoHash.bytes())
                .end();
    }

    private static void checkKey(byte[] key, byte[] salt) {
        if (key == null || key.length != 32) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "a BEP 44 key is 32 bytes");
        }
        if (salt != null && salt.length > Bep44.MAX_SALT_BYTES) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "a BEP 44 salt is at most 64 bytes");
        }
    }
}
