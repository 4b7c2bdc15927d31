package org.pubky.dht.mainline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class Bep42Test {
    /** The BEP 42 table (also the vectors of the Rust mainline crate): ip, rand (last id byte), full id. */
    @ParameterizedTest
    @CsvSource({
        "124.31.75.21, 1, 5fbfbff10c5d6a4ec8a88e4c6ab4c28b95eee401",
        "21.75.31.124, 86, 5a3ce9c14e7a08645677bbd1cfe7d8f956d53256",
        "65.23.51.170, 22, a5d43220bc8f112a3d426c84764f8c2a1150e616",
        "84.124.73.14, 65, 1b0321dd1bb1fe518101ceef99462b947a01ff41",
        "43.213.53.83, 90, e56f6cbf5b7c4be0237986d5243b87aa6d51305a"
    })
    void specVectorsAreSecure(String ip, int rand, String id) throws Exception {
        Inet4Address address = (Inet4Address) InetAddress.getByName(ip);
        NodeId nodeId = NodeId.ofHex(id);
        assertThat(nodeId.byteAt(19)).isEqualTo(rand);
        assertThat(Bep42.isValid(nodeId, address)).isTrue();
        int prefix = Bep42.prefix(address.getAddress(), rand & 7);
        assertThat(prefix >>> 11).isEqualTo(Integer.parseUnsignedInt(id.substring(0, 8), 16) >>> 11);
        // flipping any of the 21 prefix bits breaks it
        for (int bit = 0; bit < 21; bit++) {
            byte[] b = nodeId.bytes();
            b[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            assertThat(Bep42.isValid(NodeId.of(b), address)).as("bit %d", bit).isFalse();
        }
        // the bits after the prefix are free
        byte[] b = nodeId.bytes();
        b[2] ^= 0x07;
        b[10] ^= (byte) 0xff;
        assertThat(Bep42.isValid(NodeId.of(b), address)).isTrue();
    }

    @Test
    void generatedIdsAreValidForTheirAddressOnly() throws Exception {
        Random random = new Random(42);
        Inet4Address a = (Inet4Address) InetAddress.getByName("124.31.75.21");
        Inet4Address other = (Inet4Address) InetAddress.getByName("21.75.31.124");
        int validElsewhere = 0;
        for (int i = 0; i < 1000; i++) {
            NodeId id = Bep42.secureId(a, random);
            assertThat(Bep42.isValid(id, a)).isTrue();
            if (Bep42.isValid(id, other)) {
                validElsewhere++;
            }
        }
        assertThat(validElsewhere).isLessThan(5); // 2^-21 by chance
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.1", "127.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "169.254.0.9"})
    void localAddressesAreExempt(String ip) throws Exception {
        Inet4Address address = (Inet4Address) InetAddress.getByName(ip);
        assertThat(Bep42.isValid(NodeId.ofHex("0000000000000000000000000000000000000000"), address)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"172.32.0.1", "11.0.0.1", "192.169.0.1", "8.8.8.8"})
    void publicAddressesAreNot(String ip) throws Exception {
        Inet4Address address = (Inet4Address) InetAddress.getByName(ip);
        assertThat(Bep42.isExempt(address.getAddress())).isFalse();
    }
}
