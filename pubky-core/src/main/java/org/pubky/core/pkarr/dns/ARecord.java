package org.pubky.core.pkarr.dns;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * An IPv4 address record (type 1).
 *
 * @param address the address
 */
public record ARecord(Inet4Address address) implements RData {
    public ARecord {
        requireNonNull(address, "address is null");
    }

    /** The record for 4 raw address bytes (no name resolution). */
    public static ARecord of(byte[] address) {
        requireNonNull(address, "address is null");
        if (address.length != 4) {
            throw new PubkyException(ErrorCode.INVALID_DNS_PACKET, "an IPv4 address has 4 bytes, got " + address.length);
        }
        try {
            return new ARecord((Inet4Address) InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    @Override
    public int type() {
        return DnsType.A;
    }
}
