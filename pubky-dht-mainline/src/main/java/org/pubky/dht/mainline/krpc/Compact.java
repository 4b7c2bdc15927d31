package org.pubky.dht.mainline.krpc;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.pubky.core.bencode.BencodeList;
import org.pubky.core.bencode.BencodeString;
import org.pubky.core.bencode.BencodeValue;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.dht.mainline.routing.NodeInfo;

/**
 * BEP 5 compact forms: a peer or address is 6 bytes (IPv4, port big-endian), a node 26 bytes
 * (id then address). Decoding skips entries with port 0 and never throws. Stateless.
 */
public final class Compact {
    /** Bytes of a compact address. */
    public static final int ADDRESS_LENGTH = 6;
    /** Bytes of a compact node. */
    public static final int NODE_LENGTH = NodeId.LENGTH + ADDRESS_LENGTH;

    private Compact() {
    }

    /** The 6-byte form of an IPv4 socket address. */
    public static byte[] address(InetSocketAddress address) {
        byte[] out = new byte[ADDRESS_LENGTH];
        writeAddress(address, out, 0);
        return out;
    }

    static void writeAddress(InetSocketAddress address, byte[] out, int offset) {
        byte[] ip = address.getAddress().getAddress();
        System.arraycopy(ip, 0, out, offset, 4);
        out[offset + 4] = (byte) (address.getPort() >>> 8);
        out[offset + 5] = (byte) address.getPort();
    }

    /** The address in a 6-byte string, or {@code null} if it is not one (or has port 0). */
    public static InetSocketAddress parseAddress(BencodeString s) {
        if (s == null || s.length() != ADDRESS_LENGTH) {
            return null;
        }
        byte[] b = s.bytes();
        return address(b, 0);
    }

    private static InetSocketAddress address(byte[] b, int offset) {
        int port = ((b[offset + 4] & 0xff) << 8) | (b[offset + 5] & 0xff);
        if (port == 0) {
            return null;
        }
        try {
            InetAddress ip = InetAddress.getByAddress(new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]});
            return new InetSocketAddress(ip, port);
        } catch (UnknownHostException e) {
            return null; // unreachable: 4 bytes are always a valid IPv4 address
        }
    }

    /** Concatenated 26-byte entries for {@code nodes}. */
    public static byte[] nodes(List<NodeInfo> nodes) {
        byte[] out = new byte[nodes.size() * NODE_LENGTH];
        int p = 0;
        for (NodeInfo n : nodes) {
            n.id().copyTo(out, p);
            writeAddress(n.address(), out, p + NodeId.LENGTH);
            p += NODE_LENGTH;
        }
        return out;
    }

    /**
     * The nodes of a {@code nodes} string; a trailing partial entry is ignored, as are entries with
     * port 0 or a zero address.
     */
    public static List<NodeInfo> parseNodes(BencodeString s) {
        if (s == null || s.length() < NODE_LENGTH) {
            return List.of();
        }
        byte[] b = s.bytes();
        List<NodeInfo> out = new ArrayList<>(b.length / NODE_LENGTH);
        for (int p = 0; p + NODE_LENGTH <= b.length; p += NODE_LENGTH) {
            InetSocketAddress a = address(b, p + NodeId.LENGTH);
            if (a != null && !a.getAddress().isAnyLocalAddress() && a.getAddress() instanceof Inet4Address) {
                out.add(new NodeInfo(NodeId.of(b, p), a));
            }
        }
        return out;
    }

    /** The peers of a {@code values} list; elements that are not 6-byte strings are skipped. */
    public static List<InetSocketAddress> parsePeers(BencodeList values) {
        List<InetSocketAddress> out = new ArrayList<>(values.size());
        for (BencodeValue v : values.items()) {
            InetSocketAddress a = v instanceof BencodeString s ? parseAddress(s) : null;
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }
}
