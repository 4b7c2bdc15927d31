package org.pubky.core.testing;

import java.util.Random;

/** Random strings built from characters that matter to the protocol's text rules. */
public final class RandomText {
    private static final String[] PIECES = {
            "/", "/", "/", ".", "..", ":", ",", "r", "w", "rw", "a", "b", "pub", "priv", " ", "\\", "\n", "\0",
            "\u0085", "\u00a0", "\u3000", "é", "\uD83D\uDE00", "\uD800", "\uDC00", "%2E", "-", "_", "\"", "{",
            "}", "[", "]", "0", "9", "=", "+", "\u001f", "\u007f", "\u2028",
    };

    private RandomText() {
    }

    /** A string of up to {@code maxPieces} random pieces. */
    public static String next(Random random, int maxPieces) {
        int n = random.nextInt(maxPieces + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    /** Mutates text: deletes, duplicates, replaces or inserts a random piece. */
    public static String mutate(Random random, String text) {
        if (text.isEmpty()) {
            return next(random, 3);
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + text.charAt(at) + text.substring(at);
            case 2 -> text.substring(0, at) + PIECES[random.nextInt(PIECES.length)] + text.substring(at + 1);
            default -> text.substring(0, at) + PIECES[random.nextInt(PIECES.length)] + text.substring(at);
        };
    }

    /** Mutates bytes: flips a bit, replaces, inserts or deletes a byte, or truncates. */
    public static byte[] mutate(Random random, byte[] data) {
        if (data.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(data.length);
        byte[] out;
        switch (random.nextInt(5)) {
            case 0 -> {
                out = data.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
            }
            case 1 -> {
                out = data.clone();
                out[at] = (byte) random.nextInt(256);
            }
            case 2 -> {
                out = new byte[data.length + 1];
                System.arraycopy(data, 0, out, 0, at);
                out[at] = (byte) random.nextInt(256);
                System.arraycopy(data, at, out, at + 1, data.length - at);
            }
            case 3 -> {
                out = new byte[data.length - 1];
                System.arraycopy(data, 0, out, 0, at);
                System.arraycopy(data, at + 1, out, at, data.length - at - 1);
            }
            default -> out = java.util.Arrays.copyOf(data, at);
        }
        return out;
    }
}
