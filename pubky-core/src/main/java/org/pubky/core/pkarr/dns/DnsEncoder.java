package org.pubky.core.pkarr.dns;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Writes a {@link DnsPacket} the way {@code simple-dns} 0.9–0.11 {@code write_compressed_to}
 * does, so that Java and Rust produce the same bytes for the same records. One instance per
 * message; not thread-safe.
 */
final class DnsEncoder {
    private static final int MAX_POINTER = 0x3fff;

    private byte[] buf = new byte[512];
    private int size;
    /** Name suffix (its uncompressed wire bytes as Latin-1 chars, so case-sensitive) → offset. */
    private final Map<String, Integer> suffixes = new HashMap<>();

    private DnsEncoder() {
    }

    static byte[] encode(DnsPacket packet) {
        DnsEncoder e = new DnsEncoder();
        e.u16(packet.id());
        e.u16(packet.flags());
        e.u16(packet.questions().size());
        e.u16(packet.answers().size());
        e.u16(packet.authorities().size());
        e.u16(packet.additionals().size());
        for (Question q : packet.questions()) {
            e.compressedName(q.name());
            e.u16(q.type());
            e.u16(q.dnsClass());
        }
        e.records(packet.answers());
        e.records(packet.authorities());
        e.records(packet.additionals());
        return Arrays.copyOf(e.buf, e.size);
    }

    private void records(List<ResourceRecord> records) {
        for (ResourceRecord rr : records) {
            compressedName(rr.name());
            u16(rr.type());
            u16(rr.dnsClass());
            u32(rr.ttl());
            int lengthAt = size;
            u16(0);
            rdata(rr.data());
            int length = size - lengthAt - 2;
            if (length > 0xffff) {
                throw new PubkyException(ErrorCode.INVALID_DNS_PACKET, "record data is longer than 65535 bytes");
            }
            buf[lengthAt] = (byte) (length >>> 8);
            buf[lengthAt + 1] = (byte) length;
        }
    }

    private void rdata(RData data) {
        if (data instanceof ARecord a) {
            bytes(a.address().getAddress());
        } else if (data instanceof AaaaRecord aaaa) {
            bytes(aaaa.address().getAddress());
        } else if (data instanceof CnameRecord cname) {
            compressedName(cname.target());
        } else if (data instanceof NsRecord ns) {
            compressedName(ns.host());
        } else if (data instanceof TxtRecord txt) {
            for (byte[] s : txt.rawStrings()) {
                u8(s.length);
                bytes(s);
            }
        } else if (data instanceof ServiceBinding sb) {
            u16(sb.priority());
            plainName(sb.target());
            for (SvcParam p : sb.params()) {
                param(p);
            }
        } else {
            bytes(((OpaqueRecord) data).rawData());
        }
    }

    private void param(SvcParam p) {
        u16(p.key());
        int lengthAt = size;
        u16(0);
        if (p instanceof SvcParam.Mandatory m) {
            for (int k : m.keys()) {
                u16(k);
            }
        } else if (p instanceof SvcParam.Alpn alpn) {
            for (byte[] id : alpn.rawIds()) {
                u8(id.length);
                bytes(id);
            }
        } else if (p instanceof SvcParam.Port port) {
            u16(port.port());
        } else if (p instanceof SvcParam.Ipv4Hint v4) {
            v4.addresses().forEach(a -> bytes(a.getAddress()));
        } else if (p instanceof SvcParam.Ech ech) {
            bytes(ech.raw());
        } else if (p instanceof SvcParam.Ipv6Hint v6) {
            v6.addresses().forEach(a -> bytes(a.getAddress()));
        } else if (p instanceof SvcParam.Unknown u) {
            bytes(u.raw());
        }
        // NoDefaultAlpn has an empty value.
        int length = size - lengthAt - 2;
        if (length > 0xffff) {
            throw new PubkyException(ErrorCode.INVALID_DNS_PACKET, "SvcParam value is longer than 65535 bytes");
        }
        buf[lengthAt] = (byte) (length >>> 8);
        buf[lengthAt + 1] = (byte) length;
    }

    /**
     * RFC 1035 §4.1.4 as simple-dns does it: for each suffix, left to right, a pointer if that
     * exact suffix was written before; otherwise remember where it starts (if a pointer can reach
     * it) and write its first label.
     */
    private void compressedName(DnsName name) {
        if (name.isRoot()) {
            u8(0);
            return;
        }
        byte[] wire = name.toWire();
        int p = 0;
        while (wire[p] != 0) {
            String suffix = new String(wire, p, wire.length - p, StandardCharsets.ISO_8859_1);
            Integer target = suffixes.get(suffix);
            if (target != null) {
                u16(0xc000 | target);
                return;
            }
            if (size <= MAX_POINTER) {
                suffixes.put(suffix, size);
            }
            int labelEnd = p + 1 + (wire[p] & 0xff);
            ensure(labelEnd - p);
            System.arraycopy(wire, p, buf, size, labelEnd - p);
            size += labelEnd - p;
            p = labelEnd;
        }
        u8(0);
    }

    private void plainName(DnsName name) {
        bytes(name.toWire());
    }

    private void u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    private void u16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void u32(long v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }
}
