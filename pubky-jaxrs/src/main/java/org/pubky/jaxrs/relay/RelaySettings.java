package org.pubky.jaxrs.relay;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Limits of the HTTP relay's HTTP face.
 *
 * @param maxBodyBytes largest accepted message (reference default 2 KiB)
 * @param inboxTimeout how long {@code GET /inbox/{id}} and {@code /await} wait (default 25 s)
 * @param linkTimeout how long the {@code /link/{id}} hand-off waits (default 10 min)
 */
public record RelaySettings(int maxBodyBytes, Duration inboxTimeout, Duration linkTimeout) {
    public RelaySettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        requireNonNull(inboxTimeout, "inboxTimeout is null");
        requireNonNull(linkTimeout, "linkTimeout is null");
    }

    /** The reference defaults. */
    public static RelaySettings defaults() {
        return new RelaySettings(2048, Duration.ofSeconds(25), Duration.ofMinutes(10));
    }
}
