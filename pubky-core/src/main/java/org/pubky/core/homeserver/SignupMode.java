package org.pubky.core.homeserver;

import java.util.Locale;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/** Who may create an account. */
public enum SignupMode {
    /** Anyone with a valid key. */
    OPEN("open"),
    /** Only with a single-use signup token (the default). */
    TOKEN_REQUIRED("token_required");

    private final String wireName;

    SignupMode(String wireName) {
        this.wireName = wireName;
    }

    /** The configuration spelling ({@code open}, {@code token_required}). */
    public String wireName() {
        return wireName;
    }

    /**
     * The provider name a configured signup mode stands for: the built-in spellings are
     * normalised ({@code token-required} → {@code token_required}), anything else is taken as a
     * vendor's {@link org.pubky.spi.auth.SignupPolicyProvider} name.
     */
    public static String canonicalName(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (SignupMode mode : values()) {
            if (mode.wireName.equals(t)) {
                return mode.wireName;
            }
        }
        return text.strip();
    }

    /** Parses the configuration spelling (also accepts {@code token-required}). */
    public static SignupMode parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (SignupMode mode : values()) {
            if (mode.wireName.equals(t)) {
                return mode;
            }
        }
        throw new PubkyException(ErrorCode.MALFORMED_INPUT, "unknown signup mode '" + text + "' (open or token_required)");
    }
}
