package com.acme.pubky.blobs;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.BlobStoreProvider;

/**
 * Opens {@link FlatDirectoryBlobStore}s; selected with {@code pubky.storage.blobs=flat-directory}.
 * Registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/org.pubky.spi.storage.BlobStoreProvider}. Stateless and thread-safe,
 * with the public no-argument constructor ServiceLoader needs.
 *
 * <p>One configuration key, {@code pubky.storage.flat-directory.dir} (the host hands it over as
 * {@code dir}): the directory; relative to the data directory if relative; default
 * {@code <data directory>/flat-blobs}. Any other key is refused, so a typo does not go unnoticed.
 */
public final class FlatDirectoryBlobStoreProvider implements BlobStoreProvider {
    /** The name configuration selects this provider by. */
    public static final String NAME = "flat-directory";
    /** The key of the directory. */
    public static final String DIR = "dir";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws PubkyException {@code MALFORMED_INPUT} for an unknown key or a bad path;
     *     {@code UNSUPPORTED} without {@code dir} on a host with no data directory;
     *     {@code STORAGE_FAILURE} if the directory cannot be created
     */
    @Override
    public BlobStore open(ProviderContext context, Map<String, String> config) {
        for (String key : config.keySet()) {
            if (!key.equals(DIR)) {
                throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                        "unknown setting '" + key + "' of the '" + NAME + "' blob store (known: " + DIR + ")");
            }
        }
        // the clock comes from the host: blob creation times must follow it (tests move it)
        return FlatDirectoryBlobStore.open(directory(context, config.get(DIR)), context.clock());
    }

    private static Path directory(ProviderContext context, String value) {
        if (value == null || value.isBlank()) {
            return context.requireDataDirectory(NAME).resolve("flat-blobs");
        }
        try {
            Path path = Path.of(value.strip());
            return path.isAbsolute() ? path : context.requireDataDirectory(NAME).resolve(path);
        } catch (InvalidPathException e) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "'" + DIR + "' of the '" + NAME + "' blob store is not a path");
        }
    }

    /** None: a store with a password would name that key here, so that hosts mask its value. */
    @Override
    public Set<String> sensitiveKeys() {
        return Set.of();
    }
}
