package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.storage.StoredBlob;

/**
 * A 512 MiB blob is streamed in from a generator and back out into a digest, never held whole:
 * the heap that keeps objects must grow far less than the blob ({@link HeapGauge} explains the
 * measure), and the content must come back bit for bit (same SHA-256).
 */
@Tag("slow")
@Timeout(60)
public interface LargeBlobContract extends BlobStoreFixture {
    long LARGE = 512L * 1024 * 1024;
    /** A quarter of the blob: far above any streaming buffer, far below holding the blob. */
    long HEAP_BUDGET = LARGE / 4;

    @Test
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void halfAGibibyteStreamsThroughWithBoundedHeap(TestReporter reporter) throws IOException {
        GeneratedContent content = GeneratedContent.of(512, LARGE);
        HeapGauge gauge = HeapGauge.start();

        StoredBlob blob = blobs().write(content);
        gauge.sample();
        MessageDigest digest = TckData.sha256();
        long read = 0;
        try (InputStream in = blobs().open(blob.id())) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                read += n;
            }
            gauge.sample();
        }

        reporter.publishEntry("heapGrowthBytes", Long.toString(gauge.growth()));
        assertThat(blob.length()).isEqualTo(LARGE);
        assertThat(content.position()).isEqualTo(LARGE);
        assertThat(read).isEqualTo(LARGE);
        assertThat(digest.digest()).isEqualTo(content.sha256());
        assertThat(gauge.growth()).as("heap growth (%s) while writing and reading %d bytes", gauge.describe(), LARGE)
                .isLessThan(HEAP_BUDGET);
        blobs().delete(blob.id());
    }
}
