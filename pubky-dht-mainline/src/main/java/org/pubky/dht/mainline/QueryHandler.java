package org.pubky.dht.mainline;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.pubky.core.bencode.Bencode;
import org.pubky.core.bencode.BencodeDict;
import org.pubky.core.bencode.BencodeInteger;
import org.pubky.core.bencode.BencodeString;
import org.pubky.core.bencode.BencodeValue;
import org.pubky.core.bencode.BencodeWriter;
import org.pubky.core.bep44.Bep44;
import org.pubky.dht.mainline.NodeMetrics.Drop;
import org.pubky.dht.mainline.krpc.Compact;
import org.pubky.dht.mainline.krpc.KrpcError;
import org.pubky.dht.mainline.krpc.KrpcWriter;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.dht.mainline.routing.NodeInfo;
import org.pubky.dht.mainline.routing.RoutingTable;
import org.pubky.dht.mainline.storage.MutablePutRule.Decision;
import org.pubky.spi.dht.MutableItem;

/**
 * The server side: answers {@code ping}, {@code find_node}, {@code get_peers},
 * {@code announce_peer}, {@code get} and {@code put} from the receive thread. Arguments are
 * checked by kind and length without exceptions; a query it cannot make sense of is answered
 * with 203, an unknown method with 204. Messages it receives are views on the receive buffer:
 * everything stored is copied first.
 */
final class QueryHandler {
    /** Peers per {@code get_peers} answer (keeps the datagram small). */
    static final int MAX_VALUES = 50;

    private final MainlineNode node;

    QueryHandler(MainlineNode node) {
        this.node = node;
    }

    void handle(BencodeDict msg, BencodeString tid, InetSocketAddress from) {
        BencodeDict a = msg.get("a") instanceof BencodeDict d ? d : null;
        BencodeString sender = a != null && a.get("id") instanceof BencodeString s && s.length() == NodeId.LENGTH ? s : null;
        if (sender != null && node.id().equalsAt(sender.bytes(), 0)) {
            node.ownQueryReceived(tid); // our own reachability ping came back; never answer ourselves
            return;
        }
        if (!node.isServing()) {
            node.metrics().recordDrop(Drop.NOT_SERVING);
            return;
        }
        if (!node.allowQuery(from)) {
            node.metrics().recordDrop(Drop.RATE_LIMITED);
            return;
        }
        node.metrics().queryReceived();
        if (!(msg.get("q") instanceof BencodeString q) || sender == null) {
            error(tid, from, KrpcError.PROTOCOL);
            return;
        }
        boolean readOnly = msg.get("ro") instanceof BencodeInteger ro && ro.value() == 1;
        NodeId senderId = NodeId.of(sender.bytes());
        if (!readOnly) {
            node.learn(senderId, from);
        }
        String method = q.length() <= 16 ? q.utf8() : "";
        switch (method) {
            case "ping" -> reply(tid, from, w -> w.beginDict().writeString("id").writeString(node.id().bytes()).end());
            case "find_node" -> findNode(a, tid, from);
            case "get_peers" -> getPeers(a, tid, from);
            case "announce_peer" -> announcePeer(a, tid, from);
            case "get" -> get(a, tid, from);
            case "put" -> put(a, tid, from);
            default -> error(tid, from, KrpcError.METHOD_UNKNOWN);
        }
    }

    private void findNode(BencodeDict a, BencodeString tid, InetSocketAddress from) {
        NodeId target = id(a, "target");
        if (target == null) {
            error(tid, from, KrpcError.PROTOCOL);
            return;
        }
        byte[] nodes = Compact.nodes(node.routingTable().closest(target, RoutingTable.K));
        reply(tid, from, w -> w.beginDict()
                .writeString("id").writeString(node.id().bytes())
                .writeString("nodes").writeString(nodes)
                .end());
    }

    private void getPeers(BencodeDict a, BencodeString tid, InetSocketAddress from) {
        NodeId infoHash = id(a, "info_hash");
        if (infoHash == null) {
            error(tid, from, KrpcError.PROTOCOL);
            return;
        }
        byte[] nodes = Compact.nodes(node.routingTable().closest(infoHash, RoutingTable.K));
        byte[] token = node.tokens().token(from.getAddress());
        List<InetSocketAddress> peers = node.peers().peers(infoHash, MAX_VALUES);
        reply(tid, from, w -> {
            w.beginDict()
                    .writeString("id").writeString(node.id().bytes())
                    .writeString("nodes").writeString(nodes)
                    .writeString("token").writeString(token);
            if (!peers.isEmpty()) {
                w.writeString("values").beginList();
                peers.forEach(p -> w.writeString(Compact.address(p)));
                w.end();
            }
            w.end();
        });
    }

    private void announcePeer(BencodeDict a, BencodeString tid, InetSocketAddress from) {
        NodeId infoHash = id(a, "info_hash");
        boolean implied = a.get("implied_port") instanceof BencodeInteger ip && ip.value() == 1;
        long port = implied ? from.getPort() : a.get("port") instanceof BencodeInteger p ? p.value() : -1;
        if (infoHash == null || port < 1 || port > 65535 || !(a.get("token") instanceof BencodeString token)) {
            error(tid, from, KrpcError.PROTOCOL);
            return;
        }
        if (!node.tokens().isValid(from.getAddress(), token.bytes())) {
            error(tid, from, KrpcError.PROTOCOL);
            return;
        }
        node.peers().announce(infoHash, new InetSocketAddress(from.getAddress(), (int) port));
        replyId(tid, from);
    }

    private void get(BencodeDict a, BencodeString tid, InetSocketAddress from) {
        NodeId target = id(a, "target");
        BencodeValue seqArg = a.get("seq");
        if (target == null || (seqArg != null && !(seqArg instanceof BencodeInteger))) {
            error(tid, from, KrpcError.PROTOCOL);
            return;
        }
        byte[] nodes = Compact.nodes(node.routingTable().closest(target, RoutingTable.K));
        byte[] token = node.tokens().token(from.getAddress());
        MutableItem item = node.storage().getMutable(target);
        BencodeValue immutable = item == null ? node.storage().getImmutable(target) : null;
        boolean noneNewer = item != null && seqArg instanceof BencodeInteger s && s.value() >= item.seq();
        reply(tid, from, w -> {
            w.beginDict().writeString("id").writeString(node.id().bytes());
            if (item != null && !noneNewer) {
                w.writeString("k").writeString(item.key());
            }
            w.writeString("nodes").writeString(nodes);
            if (item != null) {
                w.writeString("seq").writeInteger(item.seq());
            }
            if (item != null && !noneNewer) {
                w.writeString("sig").writeString(item.signature());
            }
            w.writeString("token").writeString(token);
            if (item != null && !noneNewer) {
                w.writeString("v").writeString(item.value());
            } else if (immutable != null) {
                w.writeString("v").write(immutable);
            }
            w.end();
        });
    }

    private void put(BencodeDict a, BencodeString tid, InetSocketAddress from) {
        BencodeValue v = a.get("v");
        if (v == null || !(a.get("token") instanceof BencodeString token)) {
            error(tid, from, KrpcError.PROTOCOL);
            return;
        }
        if (!node.tokens().isValid(from.getAddress(), token.bytes())) {
            error(tid, from, KrpcError.PROTOCOL);
            return;
        }
        if (a.containsKey("k") || a.containsKey("sig")) {
            putMutable(a, v, tid, from);
        } else {
            putImmutable(v, tid, from);
        }
    }

    private void putMutable(BencodeDict a, BencodeValue v, BencodeString tid, InetSocketAddress from) {
        if (!(a.get("k") instanceof BencodeString k) || k.length() != 32
                || !(a.get("sig") instanceof BencodeString sig) || sig.length() != 64
                || !(a.get("seq") instanceof BencodeInteger seq) || seq.value() < 0
                || !(v instanceof BencodeString value)
                || (a.get("salt") != null && !(a.get("salt") instanceof BencodeString))
                || (a.get("cas") != null && !(a.get("cas") instanceof BencodeInteger))) {
            error(tid, from, KrpcError.PROTOCOL);
            return;
        }
        if (value.length() > MutableItem.MAX_VALUE_BYTES) {
            error(tid, from, KrpcError.VALUE_TOO_BIG);
            return;
        }
        BencodeString salt = a.findString("salt");
        if (salt != null && salt.length() > Bep44.MAX_SALT_BYTES) {
            error(tid, from, KrpcError.SALT_TOO_BIG);
            return;
        }
        byte[] key = k.bytes();
        byte[] saltBytes = salt == null ? null : salt.bytes();
        byte[] valueBytes = value.bytes();
        byte[] signature = sig.bytes();
        byte[] signable = Bep44.signable(saltBytes, seq.value(), valueBytes);
        if (!Ed25519.verify(signature, 0, key, 0, signable, 0, signable.length)) {
            error(tid, from, KrpcError.INVALID_SIGNATURE);
            return;
        }
        OptionalLong cas = a.get("cas") instanceof BencodeInteger c ? OptionalLong.of(c.value()) : OptionalLong.empty();
        NodeId target = NodeId.of(Bep44.target(key, saltBytes));
        MutableItem item = new MutableItem(key, seq.value(), valueBytes, signature, Optional.ofNullable(saltBytes));
        Decision d = node.storage().putMutable(target, item, cas);
        switch (d) {
            case STORE, REFRESH -> replyId(tid, from);
            case CAS_MISMATCH -> error(tid, from, KrpcError.CAS_MISMATCH);
            case SEQ_TOO_LOW -> error(tid, from, KrpcError.SEQ_TOO_LOW);
            default -> error(tid, from, KrpcError.SERVER);
        }
    }

    private void putImmutable(BencodeValue v, BencodeString tid, InetSocketAddress from) {
        byte[] encoded = Bencode.encode(v);
        if (encoded.length > MutableItem.MAX_VALUE_BYTES) {
            error(tid, from, KrpcError.VALUE_TOO_BIG);
            return;
        }
        // Decoding our own fresh copy gives a value that no longer points into the receive buffer.
        node.storage().putImmutable(NodeId.of(Bep44.immutableTarget(encoded)), Bencode.decode(encoded));
        replyId(tid, from);
    }

    private void replyId(BencodeString tid, InetSocketAddress from) {
        reply(tid, from, w -> w.beginDict().writeString("id").writeString(node.id().bytes()).end());
    }

    private void reply(BencodeString tid, InetSocketAddress to, java.util.function.Consumer<BencodeWriter> body) {
        node.send(KrpcWriter.response(tid, to, body), to);
    }

    private void error(BencodeString tid, InetSocketAddress to, int code) {
        node.metrics().errorSent(code);
        node.send(KrpcWriter.error(tid, to, code), to);
    }

    private static NodeId id(BencodeDict a, String key) {
        return a.get(key) instanceof BencodeString s && s.length() == NodeId.LENGTH ? NodeId.of(s.bytes()) : null;
    }
}
