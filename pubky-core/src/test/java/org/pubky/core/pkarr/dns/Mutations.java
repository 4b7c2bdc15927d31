package org.pubky.core.pkarr.dns;

import java.util.Arrays;
import java.util.Random;

/** Structure-agnostic mutations of valid inputs for the fuzz tests; never modifies its argument. */
public final class Mutations {
    private Mutations() {
    }

    /** Bit flips, truncation, extension, interesting-byte replacement, range deletion or duplication. */
    public static byte[] mutate(byte[] valid, Random random) {
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
}
