package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.StoreCapability;
import org.pubky.spi.storage.StoredBlob;

final class FileBlobStoreBasicsTest {
    @TempDir
    Path dir;

    @Test
    void writtenBlobsReadBackAndSurviveReopening() {
        byte[] content = TestContent.bytes(1, 200_000);
        StoredBlob blob;
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            blob = store.write(new ByteArrayInputStream(content));
            assertThat(blob.length()).isEqualTo(content.length);
            assertThat(TestContent.readAll(store.open(blob.id()))).isEqualTo(content);
        }
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            assertThat(TestContent.readAll(store.open(blob.id()))).isEqualTo(content);
        }
    }

    @Test
    void blobFilesAreReadableByTheirOwnerOnly() throws IOException {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            String id = store.write(TestContent.stream(1, 10)).id();
            Path file = dir.resolve(BlobIds.level1(id)).resolve(BlobIds.level2(id)).resolve(id);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void anEmptyBlobIsABlob() {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            StoredBlob blob = store.write(InputStream.nullInputStream());
            assertThat(blob.length()).isZero();
            assertThat(TestContent.readAll(store.open(blob.id()))).isEmpty();
            assertThat(store.delete(blob.id())).isTrue();
        }
    }

    @Test
    void identicalContentGetsDistinctBlobs() {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            StoredBlob a = store.write(new ByteArrayInputStream(new byte[] {1, 2, 3}));
            StoredBlob b = store.write(new ByteArrayInputStream(new byte[] {1, 2, 3}));
            assertThat(a.id()).isNotEqualTo(b.id());
            assertThat(store.delete(a.id())).isTrue();
            assertThat(TestContent.readAll(store.open(b.id()))).containsExactly(1, 2, 3);
        }
    }

    @Test
    void blobsLiveInTwoLevelsOfFanOutDirectoriesNamedFromTheirIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (FileBlobStore store = FileBlobStore.at(FileBlobStoreConfig.of(dir).withFsync(false), Clock.systemUTC())) {
            for (int i = 0; i < 300; i++) {
                ids.add(store.write(new ByteArrayInputStream(new byte[] {(byte) i})).id());
            }
        }
        for (String id : ids) {
            Path expected = dir.resolve(id.substring(15, 17)).resolve(id.substring(17, 19)).resolve(id);
            assertThat(expected).isRegularFile();
        }
        try (Stream<Path> top = Files.list(dir)) {
            List<String> names = top.map(p -> p.getFileName().toString()).toList();
            assertThat(names).allMatch(n -> n.matches("[0-9a-f]{2}") || n.equals("tmp"));
            // 300 random picks from 256 first-level directories land in about 177 of them
            assertThat(names.size()).isGreaterThan(100);
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile)).hasSize(300)
                    .allMatch(p -> p.getNameCount() == dir.getNameCount() + 3);
        }
    }

    @Test
    void fanOutDirectoriesRemovedByAnOperatorWhileRunningAreCreatedAgain() throws IOException {
        try (FileBlobStore store = FileBlobStore.at(FileBlobStoreConfig.of(dir).withFsync(false), Clock.systemUTC())) {
            Set<String> usedLeaves = new HashSet<>();
            for (int i = 0; i < 1000; i++) {
                String id = store.write(TestContent.stream(i, 1)).id();
                usedLeaves.add(BlobIds.level1(id) + BlobIds.level2(id));
                store.delete(id);
            }
            // what a careless "remove empty directories" job does: every fan-out directory goes
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir) && !p.startsWith(dir.resolve("tmp"))) {
                        Files.delete(p);
                    }
                }
            }

            // about 1.5% of the leaves were used and removed: write until 5 blobs landed in one
            // (some 330 writes on average; failing to within 3000 has a chance of about 1e-15)
            int intoRemovedLeaves = 0;
            for (int i = 0; i < 3000 && intoRemovedLeaves < 5; i++) {
                StoredBlob blob = store.write(TestContent.stream(i, 100));
                TestContent.assertContent(store.open(blob.id()), i, 0, 100);
                intoRemovedLeaves += usedLeaves.contains(BlobIds.level1(blob.id()) + BlobIds.level2(blob.id())) ? 1 : 0;
            }
            assertThat(intoRemovedLeaves).isEqualTo(5);
        }
    }

    @Test
    void deleteIsIdempotentAndTheBlobIsGone() {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            StoredBlob blob = store.write(new ByteArrayInputStream(new byte[] {9}));
            assertThat(store.delete(blob.id())).isTrue();
            assertThat(store.delete(blob.id())).isFalse();
            assertThatThrownBy(() -> store.open(blob.id())).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
            List<String> seen = new ArrayList<>();
            store.scan(Instant.MAX, seen::add);
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void aStreamOpenedBeforeDeletionStaysReadable() throws IOException {
        byte[] content = TestContent.bytes(2, 100_000);
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            StoredBlob blob = store.write(new ByteArrayInputStream(content));
            try (InputStream in = store.open(blob.id())) {
                assertThat(store.delete(blob.id())).isTrue();
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        }
    }

    @Test
    void unknownIdsAreNotFoundAndDeleteReportsFalse() {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            String absent = "00062f4a3b2c1d-9f03c2e1d4b5a6978877665a";
            assertThatThrownBy(() -> store.open(absent)).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
            assertThatThrownBy(() -> store.open(absent, 0, 1)).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
            assertThat(store.delete(absent)).isFalse();
        }
    }

    @Test
    void capabilitiesAreRangeReadsAndDurable() {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            assertThat(store.capabilities()).containsExactlyInAnyOrder(StoreCapability.RANGE_READS, StoreCapability.DURABLE);
        }
    }

    @Test
    void closeIsIdempotentAndLaterCallsFailButOpenStreamsStayReadable() throws IOException {
        FileBlobStore store = FileBlobStore.at(dir);
        StoredBlob blob = store.write(new ByteArrayInputStream(new byte[] {4, 5, 6}));
        InputStream in = store.open(blob.id());
        store.close();
        store.close();

        assertThatThrownBy(() -> store.write(InputStream.nullInputStream())).satisfies(e -> assertCode(e, ErrorCode.UNAVAILABLE));
        assertThatThrownBy(() -> store.open(blob.id())).satisfies(e -> assertCode(e, ErrorCode.UNAVAILABLE));
        assertThatThrownBy(() -> store.delete(blob.id())).satisfies(e -> assertCode(e, ErrorCode.UNAVAILABLE));
        assertThatThrownBy(() -> store.scan(Instant.MAX, id -> { })).satisfies(e -> assertCode(e, ErrorCode.UNAVAILABLE));
        assertThatThrownBy(store::deleteStaleTempFiles).satisfies(e -> assertCode(e, ErrorCode.UNAVAILABLE));
        try (in) {
            assertThat(in.readAllBytes()).containsExactly(4, 5, 6);
        }
    }

    @Test
    void theDirectoryIsCreatedWithItsParents() {
        Path nested = dir.resolve("a/b/c");
        try (FileBlobStore store = FileBlobStore.at(nested)) {
            store.write(InputStream.nullInputStream());
        }
        assertThat(nested.resolve("tmp")).isDirectory();
    }

    @Test
    void aDirectoryThatIsAFileFailsWithoutNamingThePath() throws IOException {
        Path file = Files.writeString(dir.resolve("occupied"), "x");
        assertThatThrownBy(() -> FileBlobStore.at(file))
                .satisfies(e -> assertCode(e, ErrorCode.STORAGE_FAILURE))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(dir.toString()))
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void nullArgumentsAreProgrammingErrors() {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            assertThatThrownBy(() -> store.write(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> store.open(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> store.scan(null, id -> { })).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> store.scan(Instant.MAX, null)).isInstanceOf(NullPointerException.class);
        }
    }

    static void assertCode(Throwable e, ErrorCode code) {
        assertThat(e).isInstanceOf(PubkyException.class);
        assertThat(((PubkyException) e).code()).isEqualTo(code);
    }
}
