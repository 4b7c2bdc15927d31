package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pubky.store.files.FileBlobStoreBasicsTest.assertCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

final class FileBlobStoreFailedWriteTest {
    @TempDir
    Path dir;

    @Test
    void anIOExceptionFromTheInputComesBackAsTheCauseOfAnUncheckedIOExceptionAndLeavesNothing() {
        IOException broken = new IOException("client went away");
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            assertThatThrownBy(() -> store.write(failing(1 << 20, broken)))
                    .isInstanceOf(UncheckedIOException.class)
                    .cause().isSameAs(broken);
            assertThat(broken.getSuppressed()).isEmpty();
            assertNothingVisible(store);
        }
    }

    @Test
    void aPubkyExceptionFromTheInputIsRethrownAsItIs() {
        assertFailedWriteLeavesNothing(new PubkyException(ErrorCode.PAYLOAD_TOO_LARGE, "too large"));
    }

    @Test
    void anErrorFromTheInputIsRethrownAsItIs() {
        assertFailedWriteLeavesNothing(new StackOverflowError("deep"));
    }

    @Test
    void aFailureOnTheFirstReadLeavesNothing() {
        IllegalStateException broken = new IllegalStateException("no body");
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            assertThatThrownBy(() -> store.write(failing(0, broken))).isSameAs(broken);
            assertNothingVisible(store);
        }
    }

    private void assertFailedWriteLeavesNothing(Throwable failure) {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            // a megabyte first, so the temp file holds data when the failure comes
            assertThatThrownBy(() -> store.write(failing(1 << 20, failure))).isSameAs(failure);
            assertThat(failure.getSuppressed()).isEmpty();
            assertNothingVisible(store);
            // and the store still works
            assertThat(store.write(TestContent.stream(3, 10)).length()).isEqualTo(10);
        }
    }

    private void assertNothingVisible(FileBlobStore store) {
        List<String> seen = new ArrayList<>();
        store.scan(Instant.MAX, seen::add);
        assertThat(seen).isEmpty();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFileSystemFailureIsStorageFailureWithTheCauseAndNoHostPathInTheMessage() throws IOException {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            // occupy every first-level fan-out name with a file, so no blob can be placed
            for (int i = 0; i < 256; i++) {
                Files.writeString(dir.resolve(String.format("%02x", i)), "in the way");
            }
            assertThatThrownBy(() -> store.write(TestContent.stream(4, 100_000)))
                    .satisfies(e -> assertCode(e, ErrorCode.STORAGE_FAILURE))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(dir.toString()).doesNotContain("/"))
                    .hasCauseInstanceOf(IOException.class);
            try (Stream<Path> temps = Files.list(dir.resolve("tmp"))) {
                assertThat(temps).isEmpty();
            }
        }
    }

    @Test
    void aMissingTempDirectoryIsStorageFailure() throws IOException {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            Files.delete(dir.resolve("tmp"));
            assertThatThrownBy(() -> store.write(TestContent.stream(5, 10)))
                    .satisfies(e -> assertCode(e, ErrorCode.STORAGE_FAILURE))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(dir.toString()))
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    /** {@code good} bytes of content, then {@code failure} thrown from read. */
    static InputStream failing(int good, Throwable failure) {
        InputStream tail = new InputStream() {
            @Override
            public int read() throws IOException {
                return read(new byte[1], 0, 1);
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (failure instanceof IOException io) {
                    throw io;
                }
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) failure;
            }
        };
        return new SequenceInputStream(TestContent.stream(6, good), tail);
    }
}
