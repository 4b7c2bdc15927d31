package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.StoreCapability;
import org.pubky.spi.storage.StoredBlob;

/**
 * Optional abilities are either there and right, or refused: range reads work or fail with
 * {@code UNSUPPORTED}; a {@link StoreCapability#DURABLE} store keeps blobs across reopening and
 * one without the capability is empty after it. Also: closing is idempotent and later calls fail.
 */
@Timeout(60)
public interface BlobCapabilityContract extends BlobStoreFixture {
    @Test
    default void rangeReadsWorkOrAreRefusedAsUnsupported() {
        byte[] content = GeneratedContent.bytes(8, 200_000);
        StoredBlob blob = write(content);

        if (!blobs().capabilities().contains(StoreCapability.RANGE_READS)) {
            assertThatThrownBy(() -> blobs().open(blob.id(), 0, 10))
                    .isInstanceOfSatisfying(PubkyException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED));
            return;
        }
        for (long[] range : List.of(new long[] {0, 200_000}, new long[] {0, 1}, new long[] {199_999, 1},
                new long[] {65_530, 20}, new long[] {1, 131_072}, new long[] {100_000, 0}, new long[] {200_000, 0},
                new long[] {12_345, 150_000})) {
            int from = (int) range[0];
            int to = (int) (range[0] + range[1]);
            assertThat(BlobStoreFixture.readAll(blobs().open(blob.id(), range[0], range[1])))
                    .as("range %d+%d", range[0], range[1]).isEqualTo(Arrays.copyOfRange(content, from, to));
        }
        assertThatThrownBy(() -> blobs().open("never-written", 0, 1))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    default void reopenedStoreKeepsBlobsIfDurableAndNoneOtherwise() {
        byte[] content = GeneratedContent.bytes(6, 100_000);
        StoredBlob blob = write(content);
        StoredBlob deleted = write(GeneratedContent.bytes(7, 10));
        blobs().delete(deleted.id());
        boolean durable = blobs().capabilities().contains(StoreCapability.DURABLE);

        BlobStore reopened = reopen();

        assertThat(reopened.capabilities()).isEqualTo(blobs().capabilities());
        if (durable) {
            assertThat(read(blob.id())).isEqualTo(content);
            assertThat(scanAll()).containsExactly(blob.id());
            StoredBlob after = write(GeneratedContent.bytes(8, 10));
            assertThat(after.id()).isNotEqualTo(blob.id());
            assertThat(read(blob.id())).isEqualTo(content);
        } else {
            assertThatThrownBy(() -> reopened.open(blob.id()))
                    .isInstanceOfSatisfying(PubkyException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
            assertThat(scanAll()).isEmpty();
        }
    }

    @Test
    default void closeIsIdempotentAndLaterCallsFail() {
        StoredBlob blob = write(GeneratedContent.bytes(1, 10));
        BlobStore store = blobs();

        store.close();
        store.close();

        assertThatThrownBy(() -> store.open(blob.id())).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> store.write(new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> store.scan(clock().instant(), id -> { })).isInstanceOf(PubkyException.class);
    }
}
