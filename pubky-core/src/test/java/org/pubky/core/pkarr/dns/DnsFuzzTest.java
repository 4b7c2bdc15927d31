package org.pubky.core.pkarr.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Random and mutated input into the DNS decoder: only {@link ErrorCode#INVALID_DNS_PACKET} may
 * escape, nothing hangs, and whatever is accepted re-encodes to a packet that decodes the same.
 */
final class DnsFuzzTest {
    @Test
    @Timeout(60)
    void randomBytesOnlyEverFailWithInvalidDnsPacket() {
        Random random = new Random(11);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] input = new byte[random.nextInt(200)];
            random.nextBytes(input);
            if (random.nextBoolean() && input.length >= 12) {
                // Plausible header: small counts, no Z bit, so the record parser gets exercised.
                input[2] &= (byte) 0x80;
                input[3] &= (byte) 0xbf;
                input[4] = 0;
                input[5] = (byte) random.nextInt(2);
                input[6] = 0;
                input[7] = (byte) random.nextInt(4);
                input[8] = 0;
                input[9] = (byte) random.nextInt(2);
                input[10] = 0;
                input[11] = (byte) random.nextInt(2);
            }
            if (check(input)) {
                accepted++;
            }
        }
        assertThat(accepted).as("some random messages are valid").isPositive();
    }

    @Test
    @Timeout(120)
    void mutatedValidPacketsOnlyEverFailWithInvalidDnsPacket() {
        RandomPackets gen = new RandomPackets(12, false);
        Random random = gen.random();
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] valid = random.nextBoolean() ? gen.packet().encode() : DnsTestSupport.encodeUncompressed(gen.packet());
            byte[] input = Mutations.mutate(valid, random);
            if (check(input)) {
                accepted++;
            } else {
                rejected++;
            }
        }
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    /** Decodes; true if accepted. Fails the test on any exception other than INVALID_DNS_PACKET. */
    private static boolean check(byte[] input) {
        DnsPacket packet;
        try {
            packet = DnsPacket.decode(input);
        } catch (PubkyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DNS_PACKET);
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError("unexpected " + e + " for input " + DnsTestSupport.hex(input), e);
        }
        try {
            assertThat(DnsPacket.decode(packet.encode())).isEqualTo(packet);
        } catch (RuntimeException e) {
            fail("accepted input does not round-trip: " + DnsTestSupport.hex(input), e);
        }
        return true;
    }
}
