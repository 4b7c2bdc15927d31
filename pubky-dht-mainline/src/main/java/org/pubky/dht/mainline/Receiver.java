package org.pubky.dht.mainline;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.pubky.core.bencode.Bencode;
import org.pubky.core.bencode.BencodeDict;
import org.pubky.core.bencode.BencodeInteger;
import org.pubky.core.bencode.BencodeList;
import org.pubky.core.bencode.BencodeString;
import org.pubky.dht.mainline.NodeMetrics.Drop;
import org.pubky.dht.mainline.krpc.BencodeScanner;
import org.pubky.dht.mainline.krpc.Compact;
import org.pubky.dht.mainline.krpc.KrpcError;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.dht.mainline.routing.NodeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive loop: one thread, one reused 64 KiB buffer. Each datagram is size-checked,
 * scanned ({@link BencodeScanner}, so junk costs no exception), decoded, and dispatched while the
 * buffer still holds it: queries to the {@link QueryHandler}, responses and errors to the handler
 * of the matching outstanding query. Nothing a datagram contains can end the loop: unexpected
 * failures are counted as {@link Drop#INTERNAL_ERROR} and logged.
 */
final class Receiver implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Receiver.class);

    private final MainlineNode node;
    private final DatagramChannel channel;
    private final QueryHandler queries;

    Receiver(MainlineNode node, DatagramChannel channel) {
        this.node = node;
        this.channel = channel;
        this.queries = new QueryHandler(node);
    }

    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        byte[] data = buffer.array();
        while (!node.isClosed()) {
            buffer.clear();
            SocketAddress from;
            try {
                from = channel.receive(buffer);
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException e) {
                if (node.isClosed()) {
                    break;
                }
                LOG.debug("DHT receive failed", e);
                continue;
            }
            if (from instanceof InetSocketAddress source) {
                handle(data, buffer.position(), source);
            }
        }
        LOG.debug("DHT receiver on {} stopped", node.localAddress());
    }

    /** Handles one datagram held in {@code data[0, length)}; never throws. */
    void handle(byte[] data, int length, InetSocketAddress from) {
        NodeMetrics metrics = node.metrics();
        metrics.recordReceived();
        try {
            if (length > MainlineNode.MAX_DATAGRAM_BYTES) {
                metrics.recordDrop(Drop.OVERSIZED);
                return;
            }
            if (!(from.getAddress() instanceof Inet4Address) || !BencodeScanner.isCanonicalDict(data, 0, length)) {
                metrics.recordDrop(Drop.MALFORMED);
                return;
            }
            BencodeDict msg = Bencode.decodeDict(data, 0, length);
            if (!(msg.get("y") instanceof BencodeString y) || y.length() != 1 || !(msg.get("t") instanceof BencodeString tid)) {
                metrics.recordDrop(Drop.MALFORMED);
                return;
            }
            switch (y.byteAt(0)) {
                case 'q' -> queries.handle(msg, tid, from);
                case 'r' -> response(msg, tid, from);
                case 'e' -> error(msg, tid, from);
                default -> metrics.recordDrop(Drop.MALFORMED);
            }
        } catch (RuntimeException e) {
            metrics.recordDrop(Drop.INTERNAL_ERROR);
            LOG.warn("DHT datagram from {} could not be handled", from, e);
        }
    }

    private void response(BencodeDict msg, BencodeString tid, InetSocketAddress from) {
        Transactions.Pending p = node.transactions().take(tid, from);
        if (p == null) {
            node.metrics().recordDrop(Drop.UNMATCHED);
            return;
        }
        node.metrics().responseReceived();
        BencodeDict r = msg.get("r") instanceof BencodeDict d ? d : null;
        if (r == null || !(r.get("id") instanceof BencodeString id) || id.length() != NodeId.LENGTH) {
            p.handler.onError(KrpcError.PROTOCOL, "response without a valid id");
            return;
        }
        NodeId responder = NodeId.of(id.bytes());
        if (msg.get("ip") instanceof BencodeString ip) {
            InetSocketAddress seen = Compact.parseAddress(ip);
            if (seen != null) {
                node.addressVote(from, seen);
            }
        }
        // BEP 43: a read-only node answers but must not enter routing tables.
        boolean readOnly = msg.get("ro") instanceof BencodeInteger ro && ro.value() == 1;
        if (!readOnly && !responder.equals(node.id())) {
            node.routingTable().seen(new NodeInfo(responder, from), node.nowMillis());
        }
        p.handler.onResponse(new Response(from, responder, r));
    }

    private void error(BencodeDict msg, BencodeString tid, InetSocketAddress from) {
        Transactions.Pending p = node.transactions().take(tid, from);
        if (p == null) {
            node.metrics().recordDrop(Drop.UNMATCHED);
            return;
        }
        node.metrics().errorReceived();
        int code = KrpcError.GENERIC;
        String message = "";
        if (msg.get("e") instanceof BencodeList e && e.size() > 0) {
            if (e.get(0) instanceof BencodeInteger c && c.value() > 0 && c.value() < 100_000) {
                code = (int) c.value();
            }
            if (e.size() > 1 && e.get(1) instanceof BencodeString m && m.length() <= 256) {
                message = m.utf8();
            }
        }
        p.handler.onError(code, message);
    }
}
