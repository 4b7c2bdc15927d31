package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pubky.store.files.FileBlobStoreBasicsTest.assertCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.Providers;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.BlobStoreProvider;
import org.pubky.spi.storage.StoredBlob;

final class FileBlobStoreProviderTest {
    @TempDir
    Path data;

    private final BlobStoreProvider provider =
            Providers.find(BlobStoreProvider.class, "files", FileBlobStoreProviderTest.class.getClassLoader());

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        assertThat(provider).isInstanceOf(FileBlobStoreProvider.class);
        assertThat(provider.name()).isEqualTo("files").matches("[a-z][a-z0-9-]*");
        assertThat(provider.sensitiveKeys()).isEmpty();
    }

    @Test
    void byDefaultBlobsGoBelowTheDataDirectory() {
        try (BlobStore store = provider.open(ProviderContext.of(data), Map.of())) {
            StoredBlob blob = store.write(TestContent.stream(1, 10));
            assertThat(data.resolve("blobs").resolve(BlobIds.level1(blob.id())).resolve(BlobIds.level2(blob.id()))
                    .resolve(blob.id())).isRegularFile();
        }
    }

    @Test
    void aRelativeDirResolvesAgainstTheDataDirectoryAndAnAbsoluteOneIsTakenAsIs(@TempDir Path elsewhere) {
        ProviderContext context = ProviderContext.of(data);
        assertThat(FileBlobStoreProvider.configure(context, Map.of("dir", "content/blobs")).directory())
                .isEqualTo(data.resolve("content/blobs"));
        assertThat(FileBlobStoreProvider.configure(context, Map.of("dir", elsewhere.toString())).directory())
                .isEqualTo(elsewhere);
        ProviderContext noData = new ProviderContext(Optional.empty(), Clock.systemUTC(), Map.of());
        assertThat(FileBlobStoreProvider.configure(noData, Map.of("dir", "relative")).directory())
                .isEqualTo(Path.of("relative"));
        try (BlobStore store = provider.open(noData, Map.of("dir", elsewhere.toString()))) {
            assertThat(store.write(TestContent.stream(2, 5)).length()).isEqualTo(5);
        }
    }

    @Test
    void withoutDirAndWithoutADataDirectoryTheProviderSaysWhatItNeeds() {
        ProviderContext noData = new ProviderContext(Optional.empty(), Clock.systemUTC(), Map.of());
        assertThatThrownBy(() -> provider.open(noData, Map.of()))
                .satisfies(e -> assertCode(e, ErrorCode.UNSUPPORTED))
                .hasMessageContaining("'files'");
    }

    @Test
    void settingsAreParsed() {
        ProviderContext context = ProviderContext.of(data);
        FileBlobStoreConfig config = FileBlobStoreProvider.configure(context,
                Map.of("fsync", " FALSE ", "temp-grace", "PT2H30M", "someone-elses-key", "ignored"));
        assertThat(config.fsync()).isFalse();
        assertThat(config.tempGrace()).isEqualTo(Duration.ofMinutes(150));
        assertThat(config.directory()).isEqualTo(data.resolve("blobs"));

        FileBlobStoreConfig defaults = FileBlobStoreProvider.configure(context, Map.of("fsync", "", "temp-grace", " "));
        assertThat(defaults).isEqualTo(FileBlobStoreConfig.of(data.resolve("blobs")));
        assertThat(defaults.tempGrace()).isEqualTo(Duration.ofHours(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "0", "on", "truee"})
    void aBadFsyncValueIsMalformed(String value) {
        assertThatThrownBy(() -> provider.open(ProviderContext.of(data), Map.of("fsync", value)))
                .satisfies(e -> assertCode(e, ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("fsync");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1h", "3600", "PT59S", "PT0S", "-PT1H", "P"})
    void aBadOrTooShortGraceIsMalformed(String value) {
        assertThatThrownBy(() -> provider.open(ProviderContext.of(data), Map.of("temp-grace", value)))
                .satisfies(e -> assertCode(e, ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("temp-grace");
    }

    @Test
    void aDirWithANulIsMalformed() {
        assertThatThrownBy(() -> provider.open(ProviderContext.of(data), Map.of("dir", "a\u0000b")))
                .satisfies(e -> assertCode(e, ErrorCode.MALFORMED_INPUT));
    }

    @Test
    void anUnusableDirIsAStorageFailureThatNamesNoPath() throws IOException {
        Path file = Files.writeString(data.resolve("a-file"), "x");
        assertThatThrownBy(() -> provider.open(ProviderContext.of(data), Map.of("dir", file.toString())))
                .satisfies(e -> assertCode(e, ErrorCode.STORAGE_FAILURE))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(data.toString()));
    }

    @Test
    void blobTimesComeFromTheHostClock() {
        Instant fixed = Instant.parse("2031-07-08T09:10:11.123456Z");
        ProviderContext context = new ProviderContext(Optional.of(data), Clock.fixed(fixed, ZoneOffset.UTC), Map.of());
        try (BlobStore store = provider.open(context, Map.of())) {
            String id = store.write(TestContent.stream(3, 1)).id();
            assertThat(BlobIds.createdMicros(id)).isEqualTo(fixed.getEpochSecond() * 1_000_000 + 123_456);
        }
    }

    @Test
    void theConfigRecordRefusesAGraceBelowTheMinimum() {
        assertThatThrownBy(() -> FileBlobStoreConfig.of(data).withTempGrace(Duration.ofSeconds(59)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
