package org.pubky.core.pkarr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.bep44.MutableItem;
import org.pubky.core.keys.Keypair;
import org.pubky.core.pkarr.dns.Mutations;
import org.pubky.core.pkarr.dns.DnsPacket;
import org.pubky.core.pkarr.dns.RandomPackets;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Random and mutated input into every signed-packet parser: only
 * {@link ErrorCode#INVALID_SIGNED_PACKET} may escape. Mutated DNS bytes are re-signed so that the
 * DNS decoder behind a valid signature is exercised too.
 */
final class SignedPacketFuzzTest {
    private static final Keypair KEYPAIR = Keypair.fromSecret(new byte[32]);

    @Test
    @Timeout(120)
    void randomAndMutatedBytesOnlyEverFailWithInvalidSignedPacket() {
        RandomPackets gen = new RandomPackets(31, false);
        Random random = gen.random();
        int accepted = 0;
        for (int i = 0; i < 2_500; i++) {
            SignedPacket valid = validPacket(gen, i);
            byte[] canonical = valid.toBytes();
            byte[] mutated = Mutations.mutate(canonical, random);
            accepted += parse(() -> SignedPacket.fromBytes(mutated));
            accepted += parse(() -> SignedPacket.fromRelayPayload(KEYPAIR.publicKey(),
                    Mutations.mutate(valid.relayPayload(), random)));
            accepted += parse(() -> SeenPacket.fromStorageBytes(
                    Mutations.mutate(new SeenPacket(valid, new Timestamp(5)).toStorageBytes(), random), new Timestamp(0)));
            byte[] noise = new byte[random.nextInt(1200)];
            random.nextBytes(noise);
            accepted += parse(() -> SignedPacket.fromBytes(noise));
            accepted += parse(() -> SignedPacket.fromRelayPayload(KEYPAIR.publicKey(), noise));
        }
        // Mutations that hit nothing that matters (e.g. truncating nothing) still parse.
        assertThat(accepted).isPositive();
    }

    @Test
    @Timeout(120)
    void resignedMutatedDnsIsAcceptedOrRejectedAsInvalidDns() {
        RandomPackets gen = new RandomPackets(32, false);
        Random random = gen.random();
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 4_000; i++) {
            byte[] dns = Mutations.mutate(gen.packet().encode(), random);
            if (dns.length > SignedPacket.MAX_DNS_BYTES) {
                continue;
            }
            MutableItem item = MutableItem.sign(KEYPAIR, i, dns);
            try {
                SignedPacket packet = SignedPacket.fromMutableItem(item);
                assertThat(packet.dnsBytes()).isEqualTo(dns);
                assertThat(SignedPacket.fromBytes(packet.toBytes())).isEqualTo(packet);
                accepted++;
            } catch (PubkyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNED_PACKET);
                assertThat(((PubkyException) e.getCause()).code()).isEqualTo(ErrorCode.INVALID_DNS_PACKET);
                assertThatDnsDecoderAgrees(dns);
                rejected++;
            }
        }
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    private static void assertThatDnsDecoderAgrees(byte[] dns) {
        try {
            DnsPacket.decode(dns);
            throw new AssertionError("the DNS decoder accepts what the signed packet parser refused");
        } catch (PubkyException expected) {
            assertThat(expected.code()).isEqualTo(ErrorCode.INVALID_DNS_PACKET);
        }
    }

    private static SignedPacket validPacket(RandomPackets gen, int i) {
        while (true) {
            DnsPacket dns = gen.packet();
            try {
                return SignedPacket.builder().records(dns.answers()).sign(KEYPAIR, new Timestamp(i));
            } catch (PubkyException tooLargeOrTooLong) {
                // Names qualified with the key may exceed 255 bytes, or the packet 1000 bytes: draw again.
            }
        }
    }

    private static int parse(Runnable call) {
        try {
            call.run();
            return 1;
        } catch (PubkyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNED_PACKET);
            return 0;
        } catch (RuntimeException e) {
            throw new AssertionError("unexpected exception", e);
        }
    }
}
