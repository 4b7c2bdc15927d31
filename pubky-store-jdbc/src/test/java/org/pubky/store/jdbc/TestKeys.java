package org.pubky.store.jdbc;

/** Well-formed z-base-32 user keys for tests (the store checks the shape, not the curve point). */
final class TestKeys {
    private static final String Z32 = "ybndrfg8ejkmcpqxot1uwisza345h769";

    private TestKeys() {
    }

    /** A distinct 52-character key for each {@code n}. */
    static String user(long n) {
        StringBuilder sb = new StringBuilder("8pinxxgqs41n4aididenw5apqp1urfmzdztr8jt4abrk");
        long v = n;
        for (int i = 0; i < 8; i++) {
            sb.append(Z32.charAt((int) (v & 31)));
            v >>>= 5;
        }
        return sb.toString();
    }
}
