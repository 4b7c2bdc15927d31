package org.pubky.spi;

import java.util.Map;
import java.util.Set;

/**
 * The common shape of every service-provider factory: stateless, found with
 * {@link java.util.ServiceLoader} and chosen by {@link #name()}.
 *
 * <p>Implementations must have a public no-argument constructor, must be thread-safe, and must
 * not hold resources: everything long-lived belongs to the instance that {@code open} returns.
 *
 * @param <T> what the provider opens
 */
public interface Provider<T extends AutoCloseable> {
    /** The name configuration uses to select this provider; matches {@code [a-z][a-z0-9-]*}. */
    String name();

    /**
     * Opens a new instance configured by {@code config}: the keys of the provider's own namespace
     * with the prefix removed (for {@code pubky.storage.jdbc.url} the provider sees {@code url}).
     *
     * @throws PubkyException {@link ErrorCode#MALFORMED_INPUT} for bad configuration,
     *     {@link ErrorCode#STORAGE_FAILURE} when the backend cannot be reached or opened
     */
    T open(ProviderContext context, Map<String, String> config);

    /** Configuration keys whose values are secrets and must be masked wherever config is shown. */
    default Set<String> sensitiveKeys() {
        return Set.of();
    }
}
