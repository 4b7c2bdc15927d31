package org.pubky.core.pkarr.dns;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Byte-level helpers shared by the DNS tests. */
public final class DnsTestSupport {
    private DnsTestSupport() {
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The record data as written uncompressed (a lone record under the root cannot compress). */
    public static byte[] rdataOf(RData data) {
        byte[] wire = DnsPacket.reply(List.of(new ResourceRecord(DnsName.ROOT, 0, data))).encode();
        return Arrays.copyOfRange(wire, 12 + 1 + 10, wire.length);
    }

    /** Decodes record data of {@code type} by wrapping it into a one-record message. */
    public static RData rdataFrom(int type, byte[] rdata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(hex("0000 8000 0000 0001 0000 0000 00"));
        out.writeBytes(new byte[] {(byte) (type >>> 8), (byte) type, 0, 1, 0, 0, 0, 0,
            (byte) (rdata.length >>> 8), (byte) rdata.length});
        out.writeBytes(rdata);
        return DnsPacket.decode(out.toByteArray()).answers().get(0).data();
    }

    /** The message written without any compression: what a simple encoder such as dns-packet emits. */
    public static byte[] encodeUncompressed(DnsPacket packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, packet.id());
        u16(out, packet.flags());
        u16(out, packet.questions().size());
        u16(out, packet.answers().size());
        u16(out, packet.authorities().size());
        u16(out, packet.additionals().size());
        for (Question q : packet.questions()) {
            out.writeBytes(q.name().toWire());
            u16(out, q.type());
            u16(out, q.dnsClass());
        }
        for (List<ResourceRecord> section : List.of(packet.answers(), packet.authorities(), packet.additionals())) {
            for (ResourceRecord rr : section) {
                out.writeBytes(rr.name().toWire());
                u16(out, rr.type());
                u16(out, rr.dnsClass());
                u16(out, (int) (rr.ttl() >>> 16));
                u16(out, (int) rr.ttl());
                byte[] rdata = rdataOf(rr.data());
                u16(out, rdata.length);
                out.writeBytes(rdata);
            }
        }
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
