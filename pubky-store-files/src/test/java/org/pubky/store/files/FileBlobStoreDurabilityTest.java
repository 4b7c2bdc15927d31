package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.StoredBlob;

/** What is forced to disk, and when; the recorder wraps the real {@code fsync}. */
final class FileBlobStoreDurabilityTest {
    @TempDir
    Path dir;

    @BeforeEach
    void realPath() throws IOException {
        dir = dir.toRealPath();
    }

    @Test
    void fsyncIsOnByDefaultAndOffWhenConfigured() {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            assertThat(store.config().fsync()).isTrue();
        }
        ProviderContext context = ProviderContext.of(dir);
        assertThat(FileBlobStoreProvider.configure(context, Map.of()).fsync()).isTrue();
        assertThat(FileBlobStoreProvider.configure(context, Map.of("fsync", "false")).fsync()).isFalse();
        // Linux lets us open a directory, so directory entries are synced too
        assertThat(Durability.canSyncDirectories(dir)).isTrue();
    }

    @Test
    void openingMakesTheRootAndItsEntryDurable() {
        RecordingDurability recorder = new RecordingDurability(dir);
        FileBlobStore.at(FileBlobStoreConfig.of(dir.resolve("blobs")), Clock.systemUTC(), recorder).close();
        assertThat(recorder.events).containsExactly("dir " + dir.getFileName() + ", no blob", "dir blobs, no blob");
    }

    @Test
    void aWriteSyncsTheCompleteTempFileThenRenamesThenSyncsTheFanOutDirectories() {
        RecordingDurability recorder = new RecordingDurability(dir);
        try (FileBlobStore store = FileBlobStore.at(FileBlobStoreConfig.of(dir), Clock.systemUTC(), recorder)) {
            recorder.events.clear();
            StoredBlob blob = store.write(TestContent.stream(1, 200_000));

            assertThat(recorder.events).containsExactly(
                    "file of 200000 bytes, no blob",
                    "dir " + dir.getFileName() + ", no blob",
                    "dir " + BlobIds.level1(blob.id()) + ", no blob",
                    "dir " + BlobIds.level2(blob.id()) + ", blob");
        }
    }

    @Test
    void withFsyncOffNothingIsForcedAndWritesStillWork() {
        try (FileBlobStore store = FileBlobStore.at(FileBlobStoreConfig.of(dir).withFsync(false), Clock.systemUTC())) {
            StoredBlob blob = store.write(TestContent.stream(2, 70_000));
            TestContent.assertContent(store.open(blob.id()), 2, 0, 70_000);
        }
    }
}
