package org.pubky.dht.mainline.krpc;

import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.pubky.core.bencode.BencodeString;
import org.pubky.core.bencode.BencodeWriter;

/**
 * Writes KRPC messages with the canonical {@link BencodeWriter}, straight into bytes (no value
 * tree). Top-level keys in byte order: queries {@code a, q, ro, t, v, y}; responses
 * {@code ip, r, t, v, y}; errors {@code e, ip, t, v, y}. {@code ip} is the requester's compact
 * address (BEP 42); {@code ro=1} marks a read-only client (BEP 43) and is never written in
 * responses. Stateless.
 */
public final class KrpcWriter {
    /** Our client version ({@code v}): "PJ" (pubky-java) and a 2-byte version; exactly 4 bytes, as Rust requires. */
    public static final byte[] VERSION = {'P', 'J', 0, 1};

    private KrpcWriter() {
    }

    /**
     * A query.
     *
     * @param args writes the {@code a} dictionary (begin, entries, end)
     */
    public static byte[] query(byte[] tid, String method, boolean readOnly, Consumer<BencodeWriter> args) {
        BencodeWriter w = new BencodeWriter(256);
        w.beginDict();
        w.writeString("a");
        args.accept(w);
        w.writeString("q").writeString(method);
        if (readOnly) {
            w.writeString("ro").writeInteger(1);
        }
        w.writeString("t").writeString(tid);
        w.writeString("v").writeString(VERSION);
        w.writeString("y").writeString("q");
        return w.end().toByteArray();
    }

    /**
     * A response.
     *
     * @param tid the query's transaction id, echoed verbatim whatever its length
     * @param body writes the {@code r} dictionary (begin, entries, end)
     */
    public static byte[] response(BencodeString tid, InetSocketAddress requester, Consumer<BencodeWriter> body) {
        BencodeWriter w = new BencodeWriter(512);
        w.beginDict();
        w.writeString("ip").writeString(Compact.address(requester));
        w.writeString("r");
        body.accept(w);
        w.writeString("t").write(tid);
        w.writeString("v").writeString(VERSION);
        w.writeString("y").writeString("r");
        return w.end().toByteArray();
    }

    /** An error answer with this node's message for {@code code}. */
    public static byte[] error(BencodeString tid, InetSocketAddress requester, int code) {
        BencodeWriter w = new BencodeWriter(96);
        w.beginDict();
        w.writeString("e").beginList().writeInteger(code).writeString(KrpcError.message(code)).end();
        w.writeString("ip").writeString(Compact.address(requester));
        w.writeString("t").write(tid);
        w.writeString("v").writeString(VERSION);
        w.writeString("y").writeString("e");
        return w.end().toByteArray();
    }
}
