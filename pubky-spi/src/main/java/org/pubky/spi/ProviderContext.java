package org.pubky.spi;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the host hands to a provider when it opens an instance.
 *
 * @param dataDirectory the directory the host reserves for this runtime, if it has one;
 *     file-based backends keep their files below it (each in a sub-directory named after itself)
 * @param clock the clock every timestamp must come from, so tests can control time
 * @param services objects the host can share, keyed by type (for example a container-managed
 *     {@code javax.sql.DataSource}); look them up with {@link #service(Class)}
 */
public record ProviderContext(Optional<Path> dataDirectory, Clock clock, Map<Class<?>, Object> services) {
    public ProviderContext {
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(clock, "clock is null");
        services = Map.copyOf(requireNonNull(services, "services is null"));
        services.forEach((type, value) -> {
            if (!type.isInstance(value)) {
                throw new IllegalArgumentException("service " + value + " is not a " + type.getName());
            }
        });
    }

    /** A context with a data directory, the system UTC clock and no shared services. */
    public static ProviderContext of(Path dataDirectory) {
        return new ProviderContext(Optional.of(dataDirectory), Clock.systemUTC(), Map.of());
    }

    /** The shared service of {@code type}, if the host provided one. */
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    /**
     * The data directory, or an {@link ErrorCode#UNSUPPORTED} failure naming the provider that
     * needs one (for example the file blob store inside an application server without a
     * configured directory).
     */
    public Path requireDataDirectory(String providerName) {
        return dataDirectory.orElseThrow(() -> new PubkyException(ErrorCode.UNSUPPORTED,
                "the '" + providerName + "' provider needs a data directory (pubky.data-dir)"));
    }
}
