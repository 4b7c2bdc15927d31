package org.pubky.core.path;

/**
 * Character classes the path rules are written in, with Rust's definitions, because the
 * reference validates with {@code char::is_control} and {@code char::is_whitespace} and Java's
 * {@link Character#isWhitespace} differs from both (it excludes no-break spaces and includes
 * U+001C–U+001F).
 */
final class PathText {
    private PathText() {
    }

    /** Rust {@code char::is_control}: general category Cc. */
    static boolean isControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL;
    }

    /** Rust {@code char::is_whitespace}: the Unicode White_Space property. */
    static boolean isWhitespace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
                || cp == 0x205F || cp == 0x3000;
    }

    /**
     * UTF-8 length of {@code s[from, to)}, or -1 if the range holds an unpaired surrogate (which
     * has no UTF-8 form, so no Rust string could contain it).
     */
    static int utf8Length(String s, int from, int to) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= to || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return -1;
                }
                bytes += 4;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return -1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
