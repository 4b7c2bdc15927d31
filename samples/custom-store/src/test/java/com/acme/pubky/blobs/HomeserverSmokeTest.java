package com.acme.pubky.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.core.config.PubkyConfig;
import org.pubky.core.homeserver.StorageSelection;
import org.pubky.core.homeserver.auth.AuthSession;
import org.pubky.core.homeserver.quota.QuotaDefaults;
import org.pubky.core.homeserver.quota.QuotaResolver;
import org.pubky.core.homeserver.storage.BlobSweeper;
import org.pubky.core.homeserver.storage.StorageService;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capabilities;
import org.pubky.core.path.StoragePath;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.Providers;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.BlobStoreProvider;
import org.pubky.spi.storage.Entry;
import org.pubky.spi.storage.MetadataStore;

/**
 * The store behind the homeserver's own code: selected by name from configuration (so the
 * {@code META-INF/services} registration works), then files written, overwritten and deleted
 * through the homeserver's storage path, and an orphan removed by its sweep.
 */
@Timeout(60)
final class HomeserverSmokeTest {
    private static final ClassLoader LOADER = HomeserverSmokeTest.class.getClassLoader();

    @TempDir
    Path dataDir;

    @Test
    void homeserverSelectsTheStoreByNameAndKeepsFilesInIt() throws IOException {
        PubkyConfig config = PubkyConfig.of(Map.of(
                "pubky.storage.metadata", "memory",
                "pubky.storage.blobs", "flat-directory",
                "pubky.storage.flat-directory.dir", "my-blobs"));
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        Path blobDir = dataDir.resolve("my-blobs");
        PublicKey owner = Keypair.random().publicKey();
        Optional<AuthSession> session = Optional.of(
                new AuthSession(owner, Capabilities.root(), AuthSession.Kind.COOKIE, "smoke"));
        StoragePath path = new StoragePath("/pub/smoke/hello.txt");

        try (MetadataStore metadata = StorageSelection.openMetadata(config, Optional.of(dataDir), clock, Map.of(), LOADER);
                BlobStore blobs = StorageSelection.openBlobs(config, Optional.of(dataDir), clock, Map.of(), LOADER)) {
            assertThat(blobs).isInstanceOf(FlatDirectoryBlobStore.class);
            metadata.users().create(owner.z32(), clock.instant(), Optional.empty());
            StorageService storage = new StorageService(metadata, blobs, new QuotaResolver(QuotaDefaults.NONE), clock, 0);

            storage.put(owner, path, session, text("hello"), OptionalLong.of(5));
            Entry first = storage.find(owner, path, Optional.empty()).orElseThrow();
            assertThat(read(storage.open(first))).isEqualTo("hello");
            assertThat(filesIn(blobDir)).containsExactly(first.blobId());

            storage.put(owner, path, session, text("hello again"), OptionalLong.empty());
            Entry second = storage.find(owner, path, Optional.empty()).orElseThrow();
            assertThat(read(storage.open(second))).isEqualTo("hello again");
            assertThat(filesIn(blobDir)).as("the replaced blob is deleted").containsExactly(second.blobId());

            String orphan = blobs.write(text("a crash left me behind")).id();
            // grace 0, one second later: the sweep takes blobs created strictly before its "now"
            assertThat(new BlobSweeper(metadata, blobs, Clock.offset(clock, Duration.ofSeconds(1)), Duration.ZERO)
                    .sweep()).isEqualTo(1);
            assertThat(filesIn(blobDir)).doesNotContain(orphan).containsExactly(second.blobId());

            storage.delete(owner, path, session);
            assertThat(filesIn(blobDir)).isEmpty();
        }
    }

    @Test
    void unknownSettingsAreRefused() {
        BlobStoreProvider provider = Providers.find(BlobStoreProvider.class, "flat-directory", LOADER);

        assertThatThrownBy(() -> provider.open(ProviderContext.of(dataDir), Map.of("directory", "x")))
                .isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(InputStream in) throws IOException {
        try (InputStream stream = in) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
