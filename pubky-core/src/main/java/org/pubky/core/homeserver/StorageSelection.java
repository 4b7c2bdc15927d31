package org.pubky.core.homeserver;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.pubky.core.config.PubkyConfig;
import org.pubky.spi.Provider;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.Providers;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.BlobStoreProvider;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.MetadataStoreProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the stores a runtime is configured with: {@code pubky.storage.metadata} and
 * {@code pubky.storage.blobs} name providers found with {@link java.util.ServiceLoader}; each
 * provider reads its own keys {@code pubky.storage.<name>.*}. Defaults: with a data directory
 * LMDB metadata and file blobs, without one the in-memory stores (with a warning).
 */
public final class StorageSelection {
    private static final Logger LOG = LoggerFactory.getLogger(StorageSelection.class);

    /** Key naming the metadata store provider. */
    public static final String METADATA_KEY = "pubky.storage.metadata";
    /** Key naming the blob store provider. */
    public static final String BLOBS_KEY = "pubky.storage.blobs";

    private StorageSelection() {
    }

    /** Opens the metadata store named in {@code config}. */
    public static MetadataStore openMetadata(PubkyConfig config, Optional<Path> dataDir, Clock clock,
            Map<Class<?>, Object> services, ClassLoader loader) {
        String name = config.get(METADATA_KEY, dataDir.isPresent() ? "lmdb" : "memory");
        return open(MetadataStoreProvider.class, name, config, dataDir, clock, services, loader);
    }

    /** Opens the blob store named in {@code config}. */
    public static BlobStore openBlobs(PubkyConfig config, Optional<Path> dataDir, Clock clock,
            Map<Class<?>, Object> services, ClassLoader loader) {
        String name = config.get(BLOBS_KEY, dataDir.isPresent() ? "files" : "memory");
        return open(BlobStoreProvider.class, name, config, dataDir, clock, services, loader);
    }

    private static <T extends AutoCloseable, P extends Provider<T>> T open(Class<P> type, String name,
            PubkyConfig config, Optional<Path> dataDir, Clock clock, Map<Class<?>, Object> services,
            ClassLoader loader) {
        requireNonNull(name, "name is null");
        P provider = Providers.find(type, name, loader);
        if (name.equals("memory")) {
            LOG.warn("{} '{}' keeps everything in memory: data is lost when the process stops", type.getSimpleName(), name);
        }
        return provider.open(new ProviderContext(dataDir, clock, services), config.subset("pubky.storage." + name + "."));
    }
}
