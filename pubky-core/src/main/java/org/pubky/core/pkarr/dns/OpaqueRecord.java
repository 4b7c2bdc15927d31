package org.pubky.core.pkarr.dns;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HexFormat;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Record data kept as bytes: every type without a typed class here (MX, SRV, CAA, …), and a
 * record of any type whose data is empty (what {@code simple-dns} calls {@code RData::Empty}).
 *
 * <p>Names inside the data of the RFC 1035 types and of the types {@code simple-dns} decompresses
 * (NS, MD, MF, MB, MG, MR, PTR, NSAP-PTR, MX, AFSDB, RT, KX, MINFO, RP, SOA, SRV, NAPTR) are
 * expanded when decoding, so the bytes stay valid when written into another packet; they are
 * written back uncompressed. Immutable; the array is copied in and out.
 *
 * @param type the record type code
 * @param data the record data
 */
public record OpaqueRecord(int type, byte[] data) implements RData {
    public OpaqueRecord {
        requireNonNull(data, "data is null");
        if (type < 0 || type > 0xffff) {
            throw new PubkyException(ErrorCode.INVALID_DNS_PACKET, "record type must be 0 to 65535, got " + type);
        }
        if (data.length > 0xffff) {
            throw new PubkyException(ErrorCode.INVALID_DNS_PACKET, "record data is longer than 65535 bytes");
        }
        if (DnsType.isModelled(type) && data.length > 0) {
            throw new PubkyException(ErrorCode.INVALID_DNS_PACKET,
                    "record type " + type + " has a typed class; use it instead of opaque bytes");
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    int length() {
        return data.length;
    }

    byte[] rawData() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpaqueRecord other && type == other.type && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "OpaqueRecord[type=" + type + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
}
