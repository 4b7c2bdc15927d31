package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.storage.StoredBlob;

/**
 * {@link org.pubky.spi.storage.BlobStore#scan}: the orphan sweep's view. Blobs are stamped with
 * the context clock when written; scan visits those created strictly before the cutoff, never a
 * deleted one nor one still being written, and lets the visitor delete what it is shown.
 */
@Timeout(60)
public interface BlobScanContract extends BlobStoreFixture {
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void scanSeesOnlyBlobsCreatedBeforeTheCutoff() {
        Instant t0 = clock().instant();
        StoredBlob early = write(GeneratedContent.bytes(1, 10));
        clock().advance(Duration.ofMinutes(1));
        StoredBlob late = write(GeneratedContent.bytes(2, 10));

        assertThat(scan(t0.minusSeconds(1))).isEmpty();
        assertThat(scan(t0.plusSeconds(30))).containsExactly(early.id());
        assertThat(scan(t0.plusSeconds(90))).containsExactlyInAnyOrder(early.id(), late.id());
        assertThat(scan(clock().instant())).as("strictly before the instant the late blob was written")
                .containsExactly(early.id());
        blobs().delete(early.id());
        assertThat(scan(t0.plusSeconds(90))).containsExactly(late.id());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void visitorMayDeleteWhatItIsShown() {
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            written.add(write(GeneratedContent.bytes(i, 100)).id());
        }
        clock().advance(Duration.ofSeconds(1));
        Set<String> deleted = new HashSet<>();

        blobs().scan(clock().instant(), id -> {
            if (blobs().delete(id)) {
                deleted.add(id);
            }
        });

        assertThat(deleted).isEqualTo(written);
        assertThat(scanAll()).isEmpty();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void blobBeingWrittenIsNotVisited() throws Exception {
        StoredBlob done = write(GeneratedContent.bytes(1, 10));
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        InputStream slow = new InputStream() {
            private final InputStream first = GeneratedContent.of(3, 100_000);
            private final InputStream rest = GeneratedContent.of(4, 100_000);
            private boolean paused;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = first.read(b, off, len);
                if (n >= 0) {
                    return n;
                }
                if (!paused) {
                    paused = true;
                    halfway.countDown();
                    try {
                        if (!resume.await(30, TimeUnit.SECONDS)) {
                            throw new IOException("the test never resumed the write");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
                return rest.read(b, off, len);
            }
        };
        List<Race.Outcome<StoredBlob>> outcome = new CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            try {
                outcome.add(new Race.Outcome<>(0, blobs().write(slow), null));
            } catch (Throwable t) {
                outcome.add(new Race.Outcome<>(0, null, t));
            }
        }, "tck-slow-writer");
        writer.start();
        assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
        clock().advance(Duration.ofMinutes(1));

        Set<String> whileWriting = scanAll();

        resume.countDown();
        writer.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(outcome).hasSize(1);
        assertThat(outcome.get(0).failure()).isNull();
        StoredBlob slowBlob = outcome.get(0).value();
        assertThat(whileWriting).containsExactly(done.id());
        assertThat(slowBlob.length()).isEqualTo(200_000);
        assertThat(scanAll()).containsExactlyInAnyOrder(done.id(), slowBlob.id());
    }
}
