package org.pubky.it.crash;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.Providers;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.BlobStoreProvider;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.MetadataStoreProvider;

/**
 * Which stores the crash test runs on, written to a file so that the child JVM and the checking
 * parent open exactly the same ones, by provider name through {@link java.util.ServiceLoader} as a
 * homeserver does.
 *
 * @param dataDirectory the runtime's data directory (LMDB and the file blob store live below it)
 * @param metadataProvider the metadata provider's name
 * @param metadataConfig its configuration keys, prefix removed
 * @param blobProvider the blob provider's name
 * @param blobConfig its configuration keys, prefix removed
 */
record StoreSetup(Path dataDirectory, String metadataProvider, Map<String, String> metadataConfig,
        String blobProvider, Map<String, String> blobConfig) {
    /** How many users the child writes for; fixed key seeds, so parent and child agree. */
    static final int USERS = 2;

    StoreSetup {
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(metadataProvider, "metadataProvider is null");
        metadataConfig = Map.copyOf(metadataConfig);
        requireNonNull(blobProvider, "blobProvider is null");
        blobConfig = Map.copyOf(blobConfig);
    }

    /** The users' public keys. */
    static List<PublicKey> users() {
        return IntStream.range(0, USERS).mapToObj(StoreSetup::user).toList();
    }

    private static PublicKey user(int index) {
        byte[] seed = new byte[Keypair.SECRET_LENGTH];
        Arrays.fill(seed, (byte) (index + 1));
        return Keypair.fromSecret(seed).publicKey();
    }

    /** Opens both stores; timestamps at microsecond precision, as every backend keeps them. */
    Stores open() {
        ClassLoader loader = StoreSetup.class.getClassLoader();
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        ProviderContext context = new ProviderContext(Optional.of(dataDirectory), clock, Map.of());
        MetadataStore metadata = Providers.find(MetadataStoreProvider.class, metadataProvider, loader)
                .open(context, metadataConfig);
        try {
            BlobStore blobs = Providers.find(BlobStoreProvider.class, blobProvider, loader).open(context, blobConfig);
            return new Stores(metadata, blobs, clock);
        } catch (RuntimeException e) {
            metadata.close();
            throw e;
        }
    }

    void save(Path file) {
        Properties p = new Properties();
        p.setProperty("data-dir", dataDirectory.toString());
        p.setProperty("metadata", metadataProvider);
        p.setProperty("blobs", blobProvider);
        metadataConfig.forEach((k, v) -> p.setProperty("metadata." + k, v));
        blobConfig.forEach((k, v) -> p.setProperty("blobs." + k, v));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "crash test stores");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StoreSetup load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> metadata = new TreeMap<>();
        Map<String, String> blobs = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("metadata.")) {
                metadata.put(key.substring("metadata.".length()), p.getProperty(key));
            } else if (key.startsWith("blobs.")) {
                blobs.put(key.substring("blobs.".length()), p.getProperty(key));
            }
        }
        return new StoreSetup(Path.of(p.getProperty("data-dir")), p.getProperty("metadata"), metadata,
                p.getProperty("blobs"), blobs);
    }

    /** An open pair of stores and the clock they were opened with. */
    record Stores(MetadataStore metadata, BlobStore blobs, Clock clock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                blobs.close();
            } finally {
                metadata.close();
            }
        }
    }
}
