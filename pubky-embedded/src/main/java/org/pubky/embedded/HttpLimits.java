package org.pubky.embedded;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Transport limits of the embedded HTTP listeners.
 *
 * @param maxThreads request threads shared by every listener
 * @param maxHeaderBytes largest request head accepted
 * @param idleTimeout a connection idle this long is closed (cuts off slow clients)
 * @param stopTimeout how long {@code close()} lets in-flight requests finish
 */
record HttpLimits(int maxThreads, int maxHeaderBytes, Duration idleTimeout, Duration stopTimeout) {
    HttpLimits {
        if (maxThreads < 4) {
            throw new IllegalArgumentException("maxThreads must be at least 4");
        }
        requireNonNull(idleTimeout, "idleTimeout is null");
        requireNonNull(stopTimeout, "stopTimeout is null");
    }
}
