package org.pubky.store.lmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.Providers;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.MetadataStoreProvider;
import org.pubky.spi.storage.StoreCapability;
import org.pubky.spi.storage.UnitProbe;

final class LmdbLifecycleTest {
    private static final String U = Fixtures.user(9);

    @TempDir
    Path dir;

    @Test
    void theProviderIsFoundByNameAndUsesTheDataDirectory() {
        MetadataStoreProvider provider = Providers.find(MetadataStoreProvider.class, "lmdb",
                getClass().getClassLoader());
        assertThat(provider).isInstanceOf(LmdbMetadataStoreProvider.class);
        try (MetadataStore store = provider.open(ProviderContext.of(dir), Map.of("map-size", "1m"))) {
            store.users().create(U, Fixtures.T0, Optional.empty());
            assertThat(store.capabilities()).containsExactly(StoreCapability.DURABLE);
        }
        assertThat(dir.resolve("lmdb").resolve("data.mdb")).exists();
    }

    @Test
    void badConfigurationIsRefusedClearly() {
        ProviderContext ctx = ProviderContext.of(dir);
        for (Map<String, String> bad : new Map[] {Map.of("map_size", "1m"), Map.of("map-size", "lots"),
                Map.of("map-size", "1k"), Map.of("sync", "maybe"), Map.of("max-readers", "0"),
                Map.of("map-size", "-5m")}) {
            assertThatThrownBy(() -> LmdbMetadataStore.open(ctx, bad))
                    .as(bad.toString())
                    .isInstanceOfSatisfying(PubkyException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
        }
        ProviderContext noDir = new ProviderContext(Optional.empty(), java.time.Clock.systemUTC(), Map.of());
        assertThatThrownBy(() -> LmdbMetadataStore.open(noDir, Map.of()))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED));
        try (MetadataStore store = LmdbMetadataStore.open(noDir, Map.of("dir", dir.resolve("x").toString(),
                "map-size", "2m", "sync", "meta", "max-readers", "4"))) {
            store.users().create(U, Fixtures.T0, Optional.empty());
        }
    }

    @Test
    void aSecondOpenerIsRefusedUntilTheFirstCloses() {
        LmdbMetadataStore first = Fixtures.open(dir);
        assertThatThrownBy(() -> Fixtures.open(dir))
                .isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE));
        first.close();
        Fixtures.open(dir).close();
    }

    @Test
    void anUnknownOnDiskFormatIsRefusedAndReleasesTheDirectory() {
        Fixtures.open(dir).close();
        Path lmdb = dir.resolve("lmdb");
        try (org.lmdbjava.Env<byte[]> env = org.lmdbjava.Env.create(org.lmdbjava.ByteArrayProxy.PROXY_BA)
                .setMaxDbs(32).setMapSize(16 << 20).open(lmdb.toFile())) {
            org.lmdbjava.Dbi<byte[]> meta = env.openDbi("meta");
            meta.put("format".getBytes(java.nio.charset.StandardCharsets.US_ASCII), new byte[] {9});
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> Fixtures.open(dir)).isInstanceOfSatisfying(PubkyException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
                assertThat(e.getMessage()).contains("unsupported format");
            });
        }
    }

    @Test
    void closeIsIdempotentAndLaterCallsFail() {
        LmdbMetadataStore store = Fixtures.open(dir);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.users().find(U)).isInstanceOfSatisfying(PubkyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE));
        assertThatThrownBy(() -> store.entries().put(Fixtures.put(U, "/pub/a", 1)))
                .isInstanceOf(PubkyException.class);
    }

    @Test
    @Timeout(30)
    void closeWaitsForAnInFlightUnit() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        UnitProbe probe = point -> {
            if (point.equals(UnitProbe.EVENT_APPENDED)) {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        LmdbMetadataStore store = Fixtures.open(dir, Map.of(), probe);
        store.users().create(U, Fixtures.T0, Optional.empty());
        Thread writer = new Thread(() -> store.entries().put(Fixtures.put(U, "/pub/slow", 1)));
        writer.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        Thread closer = new Thread(store::close);
        closer.start();
        closer.join(300);
        assertThat(closer.isAlive()).as("close waits for the unit").isTrue();
        release.countDown();
        writer.join();
        closer.join();
        try (LmdbMetadataStore reopened = Fixtures.open(dir)) {
            assertThat(reopened.entries().find(U, "/pub/slow")).isPresent();
        }
    }

    @Test
    void dataSurvivesReopenAndAHotBackupIsAConsistentCopy() {
        try (LmdbMetadataStore store = Fixtures.open(dir.resolve("live"), Map.of("sync", "false"), UnitProbe.NONE)) {
            store.users().create(U, Fixtures.T0, Optional.empty());
            store.entries().put(Fixtures.put(U, "/pub/a", 5));
            store.backupTo(dir.resolve("backup").resolve("lmdb")); // where Fixtures.open looks
            store.entries().put(Fixtures.put(U, "/pub/b", 5));
        }
        assertThat(Files.exists(dir.resolve("backup").resolve("lmdb").resolve("data.mdb"))).isTrue();
        try (LmdbMetadataStore live = Fixtures.open(dir.resolve("live"));
                LmdbMetadataStore backup = Fixtures.open(dir.resolve("backup"))) {
            assertThat(live.entries().find(U, "/pub/b")).isPresent();
            assertThat(live.events().lastCursor()).isEqualTo(2);
            assertThat(backup.entries().find(U, "/pub/a")).isPresent();
            assertThat(backup.entries().find(U, "/pub/b")).isEmpty();
            assertThat(backup.events().lastCursor()).isEqualTo(1);
            assertThat(backup.users().stats().users()).isEqualTo(1);
        }
    }
}
