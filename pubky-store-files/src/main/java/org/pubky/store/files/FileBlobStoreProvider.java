package org.pubky.store.files;

import static java.util.Objects.requireNonNull;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.BlobStoreProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@link FileBlobStore}s; provider name {@value #NAME}. Stateless and thread-safe.
 *
 * <p>Configuration keys (under {@code pubky.storage.blobs.}, seen here without the prefix):
 * <ul>
 *   <li>{@value #DIR}: the store's directory; a relative path is resolved against the data
 *       directory (or, if the host has none, the working directory). Default:
 *       {@code <data directory>/blobs}, so without this key the host must have a data directory.
 *   <li>{@value #FSYNC}: {@code true} (default) or {@code false}; whether each write is forced to
 *       stable storage before it returns.
 *   <li>{@value #TEMP_GRACE}: ISO-8601 duration, default {@code PT1H}, at least {@code PT1M}: how
 *       long a temp file must sit unmodified before it counts as left by a crashed write.
 * </ul>
 * Other keys are ignored with a warning (the namespace is shared by every blob provider).
 */
public final class FileBlobStoreProvider implements BlobStoreProvider {
    /** The provider name that selects this store: {@code pubky.storage.blobs=files}. */
    public static final String NAME = "files";
    /** Key of the store's directory. */
    public static final String DIR = "dir";
    /** Key of the fsync switch. */
    public static final String FSYNC = "fsync";
    /** Key of the grace period of temp files. */
    public static final String TEMP_GRACE = "temp-grace";

    private static final Logger LOG = LoggerFactory.getLogger(FileBlobStoreProvider.class);
    private static final List<String> KEYS = List.of(DIR, FSYNC, TEMP_GRACE);

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws PubkyException {@code MALFORMED_INPUT} for a bad value, {@code UNSUPPORTED} if
     *     {@value #DIR} is missing and the host has no data directory, {@code STORAGE_FAILURE} if
     *     the directory cannot be created or used
     */
    @Override
    public BlobStore open(ProviderContext context, Map<String, String> config) {
        requireNonNull(context, "context is null");
        return FileBlobStore.at(configure(context, config), context.clock());
    }

    /** The store configuration {@code config} describes, without touching the file system. */
    static FileBlobStoreConfig configure(ProviderContext context, Map<String, String> config) {
        requireNonNull(config, "config is null");
        config.keySet().stream().filter(key -> !KEYS.contains(key)).sorted().forEach(key ->
                LOG.warn("ignoring unknown blob store setting '{}' (the '{}' provider knows {})", key, NAME, KEYS));
        return new FileBlobStoreConfig(directory(context, config.get(DIR)),
                fsync(config.get(FSYNC)), tempGrace(config.get(TEMP_GRACE)));
    }

    private static Path directory(ProviderContext context, String value) {
        if (value == null || value.isBlank()) {
            return context.requireDataDirectory(NAME).resolve("blobs");
        }
        Path path;
        try {
            path = Path.of(value.strip());
        } catch (InvalidPathException e) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "blob store setting '" + DIR + "' is not a valid path", e);
        }
        return path.isAbsolute() ? path : context.dataDirectory().map(data -> data.resolve(path)).orElse(path);
    }

    private static boolean fsync(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new PubkyException(ErrorCode.MALFORMED_INPUT, "blob store setting '" + FSYNC + "' must be true or false");
        }
    }

    private static Duration tempGrace(String value) {
        if (value == null || value.isBlank()) {
            return FileBlobStoreConfig.DEFAULT_TEMP_GRACE;
        }
        Duration grace;
        try {
            grace = Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                    "blob store setting '" + TEMP_GRACE + "' must be an ISO-8601 duration such as PT1H", e);
        }
        if (grace.compareTo(FileBlobStoreConfig.MIN_TEMP_GRACE) < 0) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                    "blob store setting '" + TEMP_GRACE + "' must be at least PT1M");
        }
        return grace;
    }
}
