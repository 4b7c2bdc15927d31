package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

/**
 * A blob the blob store has made durable.
 *
 * @param id the store's id for it: 1–200 characters of {@code [A-Za-z0-9._-]}
 * @param length its length in bytes
 */
public record StoredBlob(String id, long length) {
    public StoredBlob {
        requireNonNull(id, "id is null");
        if (!id.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException("blob id must be 1-200 characters of [A-Za-z0-9._-]");
        }
        Checks.nonNegative(length, "length");
    }
}
