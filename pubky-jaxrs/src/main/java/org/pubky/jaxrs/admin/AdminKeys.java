package org.pubky.jaxrs.admin;

import org.pubky.core.keys.PublicKey;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/** User keys in admin URLs: bare z-base-32 only (no {@code pubky} prefix, no URL forms). */
final class AdminKeys {
    private AdminKeys() {
    }

    /** @throws PubkyException {@code INVALID_PUBLIC_KEY} (400) */
    static PublicKey parse(String text) {
        if (text == null || PublicKey.isDisplayForm(text)) {
            throw new PubkyException(ErrorCode.INVALID_PUBLIC_KEY, "Invalid public key: expected a bare z-base-32 key");
        }
        try {
            return PublicKey.fromZ32(text);
        } catch (PubkyException e) {
            throw new PubkyException(ErrorCode.INVALID_PUBLIC_KEY, "Invalid public key: " + e.getMessage());
        }
    }
}
