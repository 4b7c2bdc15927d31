package org.pubky.core.pkarr.dns;

import static java.util.Objects.requireNonNull;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * An IPv6 address record (type 28). A scope id, if any, is not part of the record.
 *
 * @param address the address
 */
public record AaaaRecord(Inet6Address address) implements RData {
    public AaaaRecord {
        requireNonNull(address, "address is null");
    }

    /** The record for 16 raw address bytes (no name resolution). */
    public static AaaaRecord of(byte[] address) {
        requireNonNull(address, "address is null");
        if (address.length != 16) {
            throw new PubkyException(ErrorCode.INVALID_DNS_PACKET, "an IPv6 address has 16 bytes, got " + address.length);
        }
        return new AaaaRecord(inet6(address));
    }

    static Inet6Address inet6(byte[] address) {
        try {
            // getByAddress with 16 bytes always yields an Inet6Address, even for ::ffff:a.b.c.d.
            return Inet6Address.getByAddress(null, address, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }

    @Override
    public int type() {
        return DnsType.AAAA;
    }
}
