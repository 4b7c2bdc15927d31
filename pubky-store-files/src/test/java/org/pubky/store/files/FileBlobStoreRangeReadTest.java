package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pubky.store.files.FileBlobStoreBasicsTest.assertCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pubky.spi.ErrorCode;

final class FileBlobStoreRangeReadTest {
    private static final int SIZE = 300_000;

    @TempDir
    Path dir;
    FileBlobStore store;
    String id;
    byte[] content;

    @BeforeEach
    void write() {
        store = FileBlobStore.at(dir);
        content = TestContent.bytes(11, SIZE);
        id = store.write(TestContent.stream(11, SIZE)).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest
    @CsvSource({
        "0, 300000, 0, 300000",
        "0, 0, 0, 0",
        "0, 1, 0, 1",
        "1, 1, 1, 2",
        "65535, 3, 65535, 65538",
        "100000, 150000, 100000, 250000",
        "299999, 1, 299999, 300000",
        "299990, 100, 299990, 300000",
        "0, 9223372036854775807, 0, 300000",
        "300000, 10, 300000, 300000",
        "400000, 10, 300000, 300000",
        "9223372036854775807, 9223372036854775807, 300000, 300000",
    })
    void aRangeIsTheBytesBetweenOffsetAndOffsetPlusLengthClampedToTheBlob(long offset, long length, int from, int to)
            throws IOException {
        try (InputStream in = store.open(id, offset, length)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, from, to));
        }
    }

    @Test
    void singleByteReadsSkipAndAvailableRespectTheRange() throws IOException {
        try (InputStream in = store.open(id, 1000, 10)) {
            assertThat(in.available()).isEqualTo(10);
            assertThat(in.read()).isEqualTo(content[1000] & 0xff);
            assertThat(in.skip(5)).isEqualTo(5);
            assertThat(in.available()).isEqualTo(4);
            byte[] rest = new byte[100];
            assertThat(in.read(rest, 10, 100 - 10)).isEqualTo(4);
            assertThat(Arrays.copyOfRange(rest, 10, 14)).isEqualTo(Arrays.copyOfRange(content, 1006, 1010));
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(rest)).isEqualTo(-1);
            assertThat(in.skip(5)).isZero();
            assertThat(in.read(rest, 0, 0)).isZero();
        }
    }

    @Test
    void aWholeBlobStreamSkipsWithoutReading() throws IOException {
        try (InputStream in = store.open(id)) {
            assertThat(in.skip(SIZE - 3)).isEqualTo(SIZE - 3);
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, SIZE - 3, SIZE));
            assertThat(in.skip(-1)).isZero();
        }
    }

    @Test
    void aRangeFarIntoALargeBlobIsExactAndNeedsNoLargeBuffer() {
        long size = 48L << 20;
        String large = store.write(TestContent.stream(12, size)).id();
        long before = TestContent.allocatedBytes();
        TestContent.assertContent(store.open(large, size - 1000, 1000), 12, size - 1000, 1000);
        assertThat(TestContent.allocatedBytes() - before).isLessThan(1 << 20);
    }

    @Test
    void negativeOffsetsAndLengthsAreMalformed() {
        assertThatThrownBy(() -> store.open(id, -1, 1)).satisfies(e -> assertCode(e, ErrorCode.MALFORMED_INPUT));
        assertThatThrownBy(() -> store.open(id, 0, -1)).satisfies(e -> assertCode(e, ErrorCode.MALFORMED_INPUT));
    }

    @Test
    void badBufferArgumentsAreRefusedLikeAnyInputStream() throws IOException {
        try (InputStream in = store.open(id)) {
            assertThatThrownBy(() -> in.read(new byte[4], 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> in.read(null, 0, 1)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void readingAClosedStreamFails() throws IOException {
        InputStream in = store.open(id);
        in.close();
        in.close();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
    }
}
