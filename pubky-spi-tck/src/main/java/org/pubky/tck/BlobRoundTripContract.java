package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.StoredBlob;

/** {@link org.pubky.spi.storage.BlobStore}: what is written reads back, ids are new, deletes are idempotent. */
@Timeout(60)
public interface BlobRoundTripContract extends BlobStoreFixture {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 255, 256, 4095, 4096, 4097, 8191, 8192, 65_535, 65_536, 65_537, 131_072, 200_003,
            1_048_579})
    default void contentReadsBackExactly(int size) {
        byte[] content = GeneratedContent.bytes(size, size);

        StoredBlob blob = write(content);

        assertThat(blob.length()).isEqualTo(size);
        assertThat(read(blob.id())).isEqualTo(content);
        assertThat(read(blob.id())).as("a second read").isEqualTo(content);
    }

    @Test
    default void emptyBlobIsABlob() {
        StoredBlob blob = write(new byte[0]);

        assertThat(blob.length()).isZero();
        assertThat(read(blob.id())).isEmpty();
        assertThat(scanAll()).contains(blob.id());
        assertThat(blobs().delete(blob.id())).isTrue();
    }

    @Test
    default void singleByteAndBulkReadsAgree() throws IOException {
        byte[] content = GeneratedContent.bytes(11, 70_001);
        StoredBlob blob = write(content);

        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (InputStream in = blobs().open(blob.id())) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                single.write(b);
            }
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(new byte[10], 0, 10)).isEqualTo(-1);
        }
        ByteArrayOutputStream odd = new ByteArrayOutputStream();
        try (InputStream in = blobs().open(blob.id())) {
            byte[] buffer = new byte[7_777];
            for (int n = in.read(buffer, 3, 1_001); n >= 0; n = in.read(buffer, 3, 1_001)) {
                odd.write(buffer, 3, n);
            }
        }

        assertThat(single.toByteArray()).isEqualTo(content);
        assertThat(odd.toByteArray()).isEqualTo(content);
    }

    @Test
    default void everyWriteGetsANewId() {
        byte[] content = GeneratedContent.bytes(5, 1000);

        StoredBlob first = write(content);
        StoredBlob second = write(content);

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(blobs().delete(first.id())).isTrue();
        assertThat(read(second.id())).isEqualTo(content);
    }

    @Test
    default void deleteIsIdempotentAndMissingBlobsAreNotFound() {
        StoredBlob blob = write(GeneratedContent.bytes(1, 10));
        StoredBlob other = write(GeneratedContent.bytes(2, 10));

        assertThat(blobs().delete(blob.id())).isTrue();
        assertThat(blobs().delete(blob.id())).isFalse();

        assertThatThrownBy(() -> blobs().open(blob.id()))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(scanAll()).containsExactly(other.id());
        assertThat(read(other.id())).isEqualTo(GeneratedContent.bytes(2, 10));
    }

    @Test
    default void idsNotMadeByTheStoreAreNotFoundAndDeleteNothing() {
        StoredBlob blob = write(GeneratedContent.bytes(3, 10));

        for (String id : List.of("never-written", "", ".", "..", "../" + blob.id(), "./" + blob.id(), blob.id() + "/",
                "/" + blob.id(), "a/b", "../../../../etc/passwd", "x\u0000y", blob.id() + "\n")) {
            assertThatThrownBy(() -> blobs().open(id)).as("open %s", id)
                    .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
            assertThat(blobs().delete(id)).as("delete %s", id).isFalse();
        }
        assertThat(read(blob.id())).isEqualTo(GeneratedContent.bytes(3, 10));
        assertThat(scanAll()).containsExactly(blob.id());
    }

    @Test
    default void readsOfOneBlobMayInterleave() throws IOException {
        byte[] content = GeneratedContent.bytes(4, 150_000);
        StoredBlob blob = write(content);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();

        try (InputStream first = blobs().open(blob.id()); InputStream second = blobs().open(blob.id())) {
            byte[] buffer = new byte[4096];
            boolean firstDone = false;
            boolean secondDone = false;
            while (!firstDone || !secondDone) {
                int n = firstDone ? -1 : first.read(buffer);
                firstDone = n < 0;
                if (n > 0) {
                    a.write(buffer, 0, n);
                }
                int m = secondDone ? -1 : second.read(buffer, 0, 1000);
                secondDone = m < 0;
                if (m > 0) {
                    b.write(buffer, 0, m);
                }
            }
        }

        assertThat(a.toByteArray()).isEqualTo(content);
        assertThat(b.toByteArray()).isEqualTo(content);
    }
}
