package org.pubky.dht.mainline.routing;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.util.Random;
import java.util.zip.CRC32C;

/**
 * BEP 42 secure node ids for IPv4: the first 21 bits of the id are the first 21 bits of
 * {@code CRC32C((ip & 0x030f3fff) | (r << 29))} (the argument as 4 big-endian bytes), where
 * {@code r} is the low 3 bits of the id's last byte. Nodes at local addresses (10/8, 172.16/12,
 * 192.168/16, 169.254/16, 127/8) are exempt: any id is acceptable for them.
 *
 * <p>Stateless and thread-safe.
 */
public final class Bep42 {
    private static final int MASK = 0x030f3fff;

    private Bep42() {
    }

    /** The 21-bit prefix (in the top bits of the returned int) for {@code ip} and seed {@code r} (0..7). */
    public static int prefix(byte[] ipv4, int r) {
        int ip = ((ipv4[0] & 0xff) << 24) | ((ipv4[1] & 0xff) << 16) | ((ipv4[2] & 0xff) << 8) | (ipv4[3] & 0xff);
        int masked = (ip & MASK) | ((r & 7) << 29);
        CRC32C crc = new CRC32C();
        crc.update(new byte[] {(byte) (masked >>> 24), (byte) (masked >>> 16), (byte) (masked >>> 8), (byte) masked});
        return (int) crc.getValue();
    }

    /** A random id that is valid for {@code address} under BEP 42. */
    public static NodeId secureId(Inet4Address address, Random random) {
        requireNonNull(address, "address is null");
        byte[] id = new byte[NodeId.LENGTH];
        random.nextBytes(id);
        int crc = prefix(address.getAddress(), id[19] & 7);
        id[0] = (byte) (crc >>> 24);
        id[1] = (byte) (crc >>> 16);
        id[2] = (byte) ((crc >>> 8 & 0xf8) | (id[2] & 0x07));
        return NodeId.of(id);
    }

    /** True if {@code id} satisfies BEP 42 for {@code address}, or the address is exempt. */
    public static boolean isValid(NodeId id, Inet4Address address) {
        requireNonNull(id, "id is null");
        requireNonNull(address, "address is null");
        byte[] ip = address.getAddress();
        if (isExempt(ip)) {
            return true;
        }
        int crc = prefix(ip, id.byteAt(19) & 7);
        return id.byteAt(0) == (crc >>> 24 & 0xff)
                && id.byteAt(1) == (crc >>> 16 & 0xff)
                && (id.byteAt(2) & 0xf8) == (crc >>> 8 & 0xf8);
    }

    /** True for the local ranges BEP 42 exempts. */
    public static boolean isExempt(byte[] ip) {
        int a = ip[0] & 0xff;
        int b = ip[1] & 0xff;
        return a == 10 || a == 127 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168) || (a == 169 && b == 254);
    }
}
