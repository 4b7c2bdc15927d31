package org.pubky.core.auth;

/**
 * The characters the Rust {@code base32} crate's Crockford decoder accepts: digits and letters
 * of either case except {@code U}; {@code I}/{@code L} read as 1 and {@code O} as 0. Validation of
 * signup tokens and session secrets uses this set so that a value the reference calls well-formed
 * (and then simply does not find) is well-formed here too.
 */
final class CrockfordText {
    private CrockfordText() {
    }

    static boolean isDecodable(char c) {
        if (c >= '0' && c <= '9') {
            return true;
        }
        char upper = (char) (c & ~0x20);
        return c < 0x80 && upper >= 'A' && upper <= 'Z' && upper != 'U';
    }
}
