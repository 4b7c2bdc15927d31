package org.pubky.jaxrs.client;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.StoragePath;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The owner and normalized storage path a storage request addresses.
 *
 * @param owner the tenant whose storage is addressed
 * @param path the normalized path
 * @param legacy true for owner-relative routes (tenant from {@code Host}/{@code pubky-host})
 */
record StorageTarget(PublicKey owner, StoragePath path, boolean legacy) {
    StorageTarget {
        requireNonNull(owner, "owner is null");
        requireNonNull(path, "path is null");
    }

    /** The {@code pubky://} form used in listings and events. */
    String resource() {
        return "pubky://" + owner.z32() + path.value();
    }

    /**
     * Parses {@code /storage/{owner}/{path}} from the raw (still percent-encoded) request path.
     *
     * @throws PubkyException 400 with the reference's messages
     */
    static StorageTarget pathAddressed(String rawPath) {
        String rest = rawPath.substring("/storage".length());
        if (rest.isEmpty() || rest.equals("/")) {
            throw bad("Missing storage owner or path");
        }
        int slash = rest.indexOf('/', 1);
        String owner = slash < 0 ? rest.substring(1) : rest.substring(1, slash);
        PublicKey key;
        if (PublicKey.isDisplayForm(owner) || owner.length() != PublicKey.Z32_LENGTH) {
            throw bad("Invalid storage owner public key");
        }
        try {
            key = PublicKey.fromZ32(owner);
        } catch (PubkyException e) {
            throw bad("Invalid storage owner public key");
        }
        if (slash < 0 || slash == rest.length() - 1) {
            throw bad("Missing storage path");
        }
        return new StorageTarget(key, StoragePath.normalize(decode(rest.substring(slash))), false);
    }

    /** A legacy target: the raw request path is the storage path. */
    static StorageTarget legacy(PublicKey owner, String rawPath) {
        return new StorageTarget(owner, StoragePath.normalize(decode(rawPath)), true);
    }

    /** Strict percent-decoding; the result must be valid UTF-8. {@code +} stays a plus. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0 && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new PubkyException(ErrorCode.INVALID_PATH, "Invalid URL: path is not valid UTF-8");
        }
    }

    private static PubkyException bad(String message) {
        return new PubkyException(ErrorCode.MALFORMED_INPUT, message);
    }
}
