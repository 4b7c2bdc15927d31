package org.pubky.core.pkarr.dns;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Parses a DNS message with the acceptance rules of {@code simple-dns} (the parser behind every
 * Rust PKARR implementation), bounded in time and memory for any input. One instance per message;
 * not thread-safe.
 */
final class DnsDecoder {
    private static final int MIN_QUESTION = 5;
    private static final int MIN_RECORD = 11;
    private static final int MAX_POINTER_HOPS = 128;

    /** Layout steps for decompressing names inside opaque data: FIXED(n) is n > 0. */
    private static final int NAME = -1;
    private static final int CHARSTRING = -2;

    private final byte[] data;
    private final int base;
    private final int end;
    private int pos;

    private DnsDecoder(byte[] data, int base, int end) {
        this.data = data;
        this.base = base;
        this.end = end;
        this.pos = base;
    }

    static DnsPacket decode(byte[] data, int offset, int length) {
        return new DnsDecoder(data, offset, offset + length).packet();
    }

    private DnsPacket packet() {
        need(DnsPacket.HEADER_LENGTH, end, "header");
        int id = u16();
        int flags = u16();
        if ((flags & DnsPacket.FLAG_RESERVED) != 0) {
            throw fail("the reserved header bit Z is set");
        }
        int qd = u16();
        int an = u16();
        int ns = u16();
        int ar = u16();
        // Reject impossible counts before allocating anything for them.
        long minimum = (long) qd * MIN_QUESTION + (long) (an + ns + ar) * MIN_RECORD;
        if (minimum > end - pos) {
            throw fail("the header announces more entries than the message can hold");
        }
        List<Question> questions = new ArrayList<>(qd);
        for (int i = 0; i < qd; i++) {
            DnsName name = name(end);
            need(4, end, "question");
            int type = u16();
            int dnsClass = u16();
            if (!DnsClass.isQuestionClass(dnsClass)) {
                throw fail("unsupported question class " + dnsClass);
            }
            questions.add(new Question(name, type, dnsClass));
        }
        List<ResourceRecord> answers = records(an);
        List<ResourceRecord> authorities = records(ns);
        List<ResourceRecord> additionals = records(ar);
        return new DnsPacket(id, flags, questions, answers, authorities, additionals);
    }

    private List<ResourceRecord> records(int count) {
        List<ResourceRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(record());
        }
        return out;
    }

    private ResourceRecord record() {
        DnsName name = name(end);
        need(10, end, "record header");
        int type = u16();
        int dnsClass = u16();
        long ttl = u32();
        int length = u16();
        if (type != DnsType.OPT && !DnsClass.isRecordClass(dnsClass)) {
            throw fail("unsupported record class " + dnsClass);
        }
        need(length, end, "record data");
        int start = pos;
        int rdEnd = start + length;
        RData rdata = length == 0 ? new OpaqueRecord(type, new byte[0]) : rdata(type, start, rdEnd);
        pos = rdEnd;
        return new ResourceRecord(name, dnsClass, ttl, rdata);
    }

    /**
     * Typed data. Like simple-dns, fixed-size types read what they need and ignore the rest of the
     * record data; names are read within the record data.
     */
    private RData rdata(int type, int start, int rdEnd) {
        pos = start;
        switch (type) {
            case DnsType.A:
                need(4, rdEnd, "A record");
                return ARecord.of(Arrays.copyOfRange(data, start, start + 4));
            case DnsType.AAAA:
                need(16, rdEnd, "AAAA record");
                return AaaaRecord.of(Arrays.copyOfRange(data, start, start + 16));
            case DnsType.CNAME:
                return new CnameRecord(name(rdEnd));
            case DnsType.NS:
                return new NsRecord(name(rdEnd));
            case DnsType.TXT:
                return txt(rdEnd);
            case DnsType.SVCB:
            case DnsType.HTTPS:
                return serviceBinding(type, rdEnd);
            default:
                return new OpaqueRecord(type, opaque(type, start, rdEnd));
        }
    }

    private TxtRecord txt(int rdEnd) {
        List<byte[]> strings = new ArrayList<>();
        while (pos < rdEnd) {
            strings.add(characterString(rdEnd));
        }
        return new TxtRecord(strings);
    }

    private ServiceBinding serviceBinding(int type, int rdEnd) {
        need(2, rdEnd, "SvcPriority");
        int priority = u16();
        DnsName target = name(rdEnd);
        List<SvcParam> params = new ArrayList<>();
        int previousKey = -1;
        while (pos < rdEnd) {
            need(4, rdEnd, "SvcParam");
            int key = u16();
            int length = u16();
            if (key <= previousKey) {
                throw fail("SvcParamKeys must be strictly increasing");
            }
            previousKey = key;
            need(length, rdEnd, "SvcParam value");
            int valueEnd = pos + length;
            params.add(SvcParamCodec.decode(key, data, pos, valueEnd));
            pos = valueEnd;
        }
        return type == DnsType.SVCB ? new SvcbRecord(priority, target, params) : new HttpsRecord(priority, target, params);
    }

    /** Opaque data, with the names of types known to carry compressible names expanded. */
    private byte[] opaque(int type, int start, int rdEnd) {
        int[] layout = layout(type);
        if (layout == null) {
            return Arrays.copyOfRange(data, start, rdEnd);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(rdEnd - start + 32);
        for (int step : layout) {
            if (step == NAME) {
                out.writeBytes(name(rdEnd).toWire());
            } else if (step == CHARSTRING) {
                byte[] s = characterString(rdEnd);
                out.write(s.length);
                out.writeBytes(s);
            } else {
                need(step, rdEnd, "record data of type " + type);
                out.write(data, pos, step);
                pos += step;
            }
        }
        out.write(data, pos, rdEnd - pos);
        byte[] expanded = out.toByteArray();
        if (expanded.length > 0xffff) {
            throw fail("record data of type " + type + " is too long once its names are expanded");
        }
        return expanded;
    }

    private static int[] layout(int type) {
        switch (type) {
            case 3: case 4: case 7: case 8: case 9: case 12: case 23:
                return new int[] {NAME}; // MD MF MB MG MR PTR NSAP-PTR
            case 15: case 18: case 21: case 36:
                return new int[] {2, NAME}; // MX AFSDB RT KX
            case 14: case 17:
                return new int[] {NAME, NAME}; // MINFO RP
            case 6:
                return new int[] {NAME, NAME, 20}; // SOA
            case 33:
                return new int[] {6, NAME}; // SRV
            case 35:
                return new int[] {4, CHARSTRING, CHARSTRING, CHARSTRING, NAME}; // NAPTR
            default:
                return null;
        }
    }

    private byte[] characterString(int limit) {
        need(1, limit, "character string");
        int length = data[pos++] & 0xff;
        need(length, limit, "character string");
        byte[] s = Arrays.copyOfRange(data, pos, pos + length);
        pos += length;
        return s;
    }

    /**
     * Reads a possibly compressed name that starts at {@code pos}; label bytes must lie before
     * {@code limit}. Pointers must point backwards (so decoding always terminates); the expanded
     * name must stay below 255 bytes (simple-dns' rule).
     */
    private DnsName name(int limit) {
        List<byte[]> labels = null;
        int p = pos;
        int nameLength = 0;
        int hops = 0;
        boolean jumped = false;
        while (true) {
            if (p >= limit) {
                throw fail("name runs past the end of its data");
            }
            int b = data[p] & 0xff;
            if (b == 0) {
                if (!jumped) {
                    pos = p + 1;
                }
                break;
            }
            if ((b & 0xc0) == 0xc0) {
                if (p + 1 >= limit) {
                    throw fail("compression pointer runs past the end of its data");
                }
                int target = base + (((b & 0x3f) << 8) | (data[p + 1] & 0xff));
                if (target >= p) {
                    throw fail("compression pointer does not point backwards");
                }
                if (++hops > MAX_POINTER_HOPS) {
                    throw fail("too many compression pointers in one name");
                }
                if (!jumped) {
                    pos = p + 2;
                    jumped = true;
                }
                p = target;
                continue;
            }
            if (b > DnsName.MAX_LABEL_LENGTH) {
                throw fail("label length byte " + b + " is not a length or a pointer");
            }
            nameLength += 1 + b;
            if (nameLength >= DnsName.MAX_WIRE_LENGTH) {
                throw fail("name is longer than 255 bytes");
            }
            if (b > limit - p - 1) {
                throw fail("label runs past the end of its data");
            }
            if (labels == null) {
                labels = new ArrayList<>(4);
            }
            labels.add(Arrays.copyOfRange(data, p + 1, p + 1 + b));
            p += 1 + b;
        }
        return labels == null ? DnsName.ROOT : DnsName.ofValidatedLabels(labels.toArray(new byte[0][]));
    }

    private void need(int count, int limit, String what) {
        if (count > limit - pos) {
            throw fail(what + " is truncated");
        }
    }

    private int u16() {
        int v = (data[pos] & 0xff) << 8 | (data[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    private long u32() {
        long v = (long) (data[pos] & 0xff) << 24 | (data[pos + 1] & 0xff) << 16 | (data[pos + 2] & 0xff) << 8
                | (data[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    static PubkyException fail(String message) {
        return new PubkyException(ErrorCode.INVALID_DNS_PACKET, "invalid DNS packet: " + message);
    }

    static Inet4Address inet4(byte[] data, int offset) {
        return ARecord.of(Arrays.copyOfRange(data, offset, offset + 4)).address();
    }

    static Inet6Address inet6(byte[] data, int offset) {
        return AaaaRecord.inet6(Arrays.copyOfRange(data, offset, offset + 16));
    }
}
