package org.pubky.spi.storage;

import java.util.Comparator;

/**
 * The order of paths in listings: by their UTF-8 bytes, unsigned, as PostgreSQL's
 * {@code COLLATE "C"} orders them. So {@code /pub/a-b} sorts before {@code /pub/a/} ({@code -} is
 * 0x2D, {@code /} is 0x2F), and characters outside the Basic Multilingual Plane sort after
 * U+E000..U+FFFF, unlike {@link String#compareTo}.
 *
 * <p>Comparing code points is equivalent to comparing UTF-8 bytes, and needs no encoding.
 */
public final class PathOrder {
    /** The listing order as a comparator. */
    public static final Comparator<String> COMPARATOR = PathOrder::compare;

    private PathOrder() {
    }

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
