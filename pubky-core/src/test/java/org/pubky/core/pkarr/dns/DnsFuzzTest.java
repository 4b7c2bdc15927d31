package org.pubky.core.pkarr.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
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
        for (int i = 0; i < 30_000; i++) {
            byte[] valid = random.nextBoolean() ? gen.packet().encode() : DnsTestSupport.encodeUncompressed(gen.packet());
            byte[] input = mutate(valid, random);
            if (check(input)) {
                accepted++;
            } else {
                rejected++;
            }
        }
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        switch (random.nextInt(6)) {
            case 0: // bit flips
                for (int k = 0, n = 1 + random.nextInt(4); k < n && b.length > 0; k++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            case 1: // truncation
                return Arrays.copyOf(b, random.nextInt(b.length + 1));
            case 2: { // extension with random bytes
                byte[] out = Arrays.copyOf(b, b.length + 1 + random.nextInt(20));
                for (int k = b.length; k < out.length; k++) {
                    out[k] = (byte) random.nextInt(256);
                }
                return out;
            }
            case 3: // byte replacement, biased to length and pointer bytes
                for (int k = 0, n = 1 + random.nextInt(3); k < n && b.length > 0; k++) {
                    int[] interesting = {0x00, 0x3f, 0x40, 0xc0, 0xc0 | random.nextInt(64), 0xff, 0x01};
                    b[random.nextInt(b.length)] = (byte) interesting[random.nextInt(interesting.length)];
                }
                return b;
            case 4: { // delete a range
                if (b.length < 2) {
                    return b;
                }
                int from = random.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + random.nextInt(8));
                byte[] out = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, to, out, from, b.length - to);
                return out;
            }
            default: { // duplicate a range
                if (b.length == 0) {
                    return b;
                }
                int from = random.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + random.nextInt(16));
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, from + len);
                System.arraycopy(b, from, out, from + len, b.length - from);
                return out;
            }
        }
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
