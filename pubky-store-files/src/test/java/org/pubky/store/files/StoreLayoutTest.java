package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pubky.store.files.FileBlobStoreBasicsTest.assertCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.ErrorCode;

final class StoreLayoutTest {
    private static final String ID = "00062f4a3b2c1d-9f03c2e1d4b5a6978877665a";
    private static final String NEIGHBOUR = "00062f4a3b2c1d-9f03ffffffffffffffffffff";
    private static final String COUSIN = "00062f4a3b2c1d-9f04ffffffffffffffffffff";

    @TempDir
    Path dir;
    RecordingDurability recorder;
    StoreLayout layout;

    @BeforeEach
    void setUp() throws IOException {
        dir = dir.toRealPath();
        recorder = new RecordingDurability(dir);
        layout = new StoreLayout(dir, recorder);
    }

    @Test
    void blobPathsAreTwoFanOutLevelsBelowTheRoot() {
        assertThat(layout.blobPath(ID)).isEqualTo(dir.resolve("9f").resolve("03").resolve(ID));
        assertThat(layout.tempDirectory()).isEqualTo(dir.resolve("tmp"));
    }

    @Test
    void preparingCreatesAndSyncsTheFanOutDirectoriesOncePerInstance() throws IOException {
        assertThat(layout.prepareBlobPath(ID)).isEqualTo(dir.resolve("9f/03").resolve(ID));
        assertThat(dir.resolve("9f/03")).isDirectory();
        assertThat(recorder.events).containsExactly("dir " + dir.getFileName() + ", no blob", "dir 9f, no blob");

        recorder.events.clear();
        layout.prepareBlobPath(NEIGHBOUR);
        assertThat(recorder.events).as("the leaf is already durable").isEmpty();

        layout.prepareBlobPath(COUSIN);
        assertThat(recorder.events).containsExactly("dir " + dir.getFileName() + ", no blob", "dir 9f, no blob");
    }

    @Test
    void directoriesAnotherProcessCreatedAreSyncedAgainOnFirstUse() throws IOException {
        Files.createDirectories(dir.resolve("9f/03"));
        layout.prepareBlobPath(ID);
        assertThat(recorder.events).containsExactly("dir " + dir.getFileName() + ", no blob", "dir 9f, no blob");
    }

    @Test
    void existingPathsNeedRealDirectories() throws IOException {
        assertThat(layout.existingBlobPath(ID)).isNull();
        Files.createDirectories(dir.resolve("9f"));
        Files.writeString(dir.resolve("9f/03"), "a file");
        assertThat(layout.existingBlobPath(ID)).isNull();
        Files.delete(dir.resolve("9f/03"));
        Files.createDirectory(dir.resolve("9f/03"));
        assertThat(layout.existingBlobPath(ID)).isEqualTo(dir.resolve("9f/03").resolve(ID));
    }

    @Test
    void aFileWhereAFanOutDirectoryBelongsIsADamagedLayout() throws IOException {
        Files.writeString(dir.resolve("9f"), "a file");
        assertThatThrownBy(() -> layout.prepareBlobPath(ID)).satisfies(e -> assertCode(e, ErrorCode.STORAGE_FAILURE));
    }
}
