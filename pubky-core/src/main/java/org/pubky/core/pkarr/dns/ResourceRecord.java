package org.pubky.core.pkarr.dns;

import static java.util.Objects.requireNonNull;

import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A resource record: owner name, class, TTL and typed data.
 *
 * <p>The class is the raw 16-bit field: {@link DnsClass#IN} unless the record came off the wire
 * with another class that {@code simple-dns} accepts (OPT records, type 41, carry a UDP size
 * there and accept any value). Immutable.
 *
 * @param name owner name
 * @param dnsClass the class field
 * @param ttl time to live in seconds, an unsigned 32-bit value
 * @param data the record data, which also gives the type
 */
public record ResourceRecord(DnsName name, int dnsClass, long ttl, RData data) {
    /** Largest TTL (unsigned 32 bits). */
    public static final long MAX_TTL = 0xffff_ffffL;

    public ResourceRecord {
        requireNonNull(name, "name is null");
        requireNonNull(data, "data is null");
        if (ttl < 0 || ttl > MAX_TTL) {
            throw new PubkyException(ErrorCode.INVALID_DNS_PACKET, "TTL must be 0 to 4294967295, got " + ttl);
        }
        boolean opt = data.type() == DnsType.OPT;
        if (opt ? dnsClass < 0 || dnsClass > 0xffff : !DnsClass.isRecordClass(dnsClass)) {
            throw new PubkyException(ErrorCode.INVALID_DNS_PACKET, "unsupported record class " + dnsClass);
        }
    }

    /** A record of class IN. */
    public ResourceRecord(DnsName name, long ttl, RData data) {
        this(name, DnsClass.IN, ttl, data);
    }

    /** The record type code. */
    public int type() {
        return data.type();
    }

    /** The same record under another owner name. */
    public ResourceRecord withName(DnsName newName) {
        return new ResourceRecord(newName, dnsClass, ttl, data);
    }
}
