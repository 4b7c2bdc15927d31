package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pubky.store.files.FileBlobStoreBasicsTest.assertCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.storage.StoredBlob;

final class FileBlobStorePathSafetyTest {
    /** A well-formed id whose fan-out directories are {@code 9f/03}. */
    private static final String ID = "00062f4a3b2c1d-9f03c2e1d4b5a6978877665a";

    @TempDir
    Path base;
    Path dir;
    Path outside;

    @BeforeEach
    void layOut() throws IOException {
        dir = Files.createDirectory(base.resolve("store"));
        outside = Files.createDirectory(base.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "secret");
        Files.writeString(outside.resolve(ID), "not a blob");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside/secret", "../outside/" + ID, "/etc/passwd", "..\\outside\\secret",
        "secret\u0000", "a/../../b", "9f/03/" + ID, "./9f/03/" + ID, "", ".", "..", "tmp", "secret", "outside", "9f",
        ID + "/", ID + "\n", ID + "\u0000", "../../../../../../../../../../etc/passwd"})
    void anythingButAnIdOfThisStoreIsNotFoundAndDeletesNothing(String id) throws IOException {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            // even a file planted under that exact name in the root is not a blob
            if (id.matches("[a-z0-9]+") && !id.equals("tmp")) {
                Files.writeString(dir.resolve(id), "planted");
            }
            assertThatThrownBy(() -> store.open(id)).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
            assertThatThrownBy(() -> store.open(id, 0, 10)).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
            assertThat(store.delete(id)).isFalse();
            if (id.matches("[a-z0-9]+") && !id.equals("tmp")) {
                assertThat(dir.resolve(id)).hasContent("planted");
            }
        }
        assertThat(outside.resolve("secret")).hasContent("secret");
        assertThat(outside.resolve(ID)).hasContent("not a blob");
    }

    @Test
    void anOverlongIdIsNotFound() {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            assertThatThrownBy(() -> store.open("a".repeat(100_000))).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
            assertThat(store.delete(ID + "0".repeat(5000))).isFalse();
        }
    }

    @Test
    void aFanOutDirectoryThatLinksOutOfTheStoreIsNeverFollowed() throws IOException {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            Files.createDirectory(dir.resolve("9f"));
            Files.createSymbolicLink(dir.resolve("9f/03"), outside);

            assertThatThrownBy(() -> store.open(ID)).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
            assertThat(store.delete(ID)).isFalse();
            List<String> seen = new ArrayList<>();
            store.scan(Instant.MAX, seen::add);
            assertThat(seen).isEmpty();
        }
        assertThat(outside.resolve(ID)).hasContent("not a blob");
    }

    @Test
    void aFirstLevelLinkOutOfTheStoreIsNeverFollowed() throws IOException {
        Files.createDirectories(outside.resolve("03"));
        Files.writeString(outside.resolve("03").resolve(ID), "not a blob either");
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            Files.createSymbolicLink(dir.resolve("9f"), outside);

            assertThatThrownBy(() -> store.open(ID)).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
            assertThat(store.delete(ID)).isFalse();
            List<String> seen = new ArrayList<>();
            store.scan(Instant.MAX, seen::add);
            assertThat(seen).isEmpty();
        }
        assertThat(outside.resolve("03").resolve(ID)).hasContent("not a blob either");
    }

    @Test
    void aBlobFileThatIsALinkIsNotReadAndDeletingItRemovesOnlyTheLink() throws IOException {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            Files.createDirectories(dir.resolve("9f/03"));
            Files.createSymbolicLink(dir.resolve("9f/03").resolve(ID), outside.resolve("secret"));

            assertThatThrownBy(() -> store.open(ID)).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
            assertThatThrownBy(() -> store.open(ID, 0, 3)).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
            store.delete(ID);
            assertThat(dir.resolve("9f/03").resolve(ID)).doesNotExist();
        }
        assertThat(outside.resolve("secret")).hasContent("secret");
    }

    @Test
    void aWriteRefusesALinkedFanOutDirectory() throws IOException {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            for (int i = 0; i < 256; i++) {
                Files.createSymbolicLink(dir.resolve(String.format("%02x", i)), outside);
            }
            assertThatThrownBy(() -> store.write(TestContent.stream(1, 10)))
                    .satisfies(e -> assertCode(e, ErrorCode.STORAGE_FAILURE));
        }
        try (var files = Files.list(outside)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("secret", ID);
        }
    }

    @Test
    void aStoreDirectoryThatIsALinkIsResolvedOnceAndWorks() throws IOException {
        Path real = Files.createDirectory(base.resolve("real"));
        Path link = Files.createSymbolicLink(base.resolve("link"), real);
        StoredBlob blob;
        try (FileBlobStore store = FileBlobStore.at(link)) {
            blob = store.write(TestContent.stream(7, 1000));
            TestContent.assertContent(store.open(blob.id()), 7, 0, 1000);
        }
        assertThat(real.resolve(blob.id().substring(15, 17)).resolve(blob.id().substring(17, 19)).resolve(blob.id()))
                .isRegularFile();
    }
}
