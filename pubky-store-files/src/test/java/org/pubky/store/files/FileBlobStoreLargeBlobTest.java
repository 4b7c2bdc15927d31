package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.storage.StoredBlob;

/**
 * 64 MiB through the store with the heap allocations of the working thread measured: a store
 * that buffered the blob would allocate at least its size.
 */
final class FileBlobStoreLargeBlobTest {
    private static final long SIZE = 64L << 20;
    private static final long ALLOCATION_BUDGET = 2L << 20;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void sixtyFourMebibytesStreamInAndOutWithABoundedHeap() throws IOException {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            InputStream content = TestContent.stream(64, SIZE);
            long before = TestContent.allocatedBytes();
            StoredBlob blob = store.write(content);
            long writeAllocated = TestContent.allocatedBytes() - before;

            assertThat(blob.length()).isEqualTo(SIZE);
            assertThat(writeAllocated).as("bytes allocated by write").isLessThan(ALLOCATION_BUDGET);
            Path file = dir.resolve(BlobIds.level1(blob.id())).resolve(BlobIds.level2(blob.id())).resolve(blob.id());
            assertThat(Files.size(file)).isEqualTo(SIZE);

            TestContent.Verifier verifier = new TestContent.Verifier(64, 0);
            before = TestContent.allocatedBytes();
            try (InputStream in = store.open(blob.id())) {
                assertThat(in.transferTo(verifier)).isEqualTo(SIZE);
            }
            long readAllocated = TestContent.allocatedBytes() - before;
            assertThat(verifier.mismatches()).isZero();
            assertThat(readAllocated).as("bytes allocated by read").isLessThan(ALLOCATION_BUDGET);

            // the bytes just past each 64 KiB buffer boundary are where an off-by-one would show
            TestContent.assertContent(store.open(blob.id(), (1 << 16) - 1, 3), 64, (1 << 16) - 1, 3);
            TestContent.assertContent(store.open(blob.id(), SIZE - (1 << 16) - 1, (1 << 16) + 1), 64,
                    SIZE - (1 << 16) - 1, (1 << 16) + 1);
        }
    }
}
