package org.pubky.tck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.StoredBlob;

/** What every blob contract needs: the store, reopening, the clock, and read/write helpers. */
public interface BlobStoreFixture {
    /** The store under test, opened before each test and closed after it. */
    BlobStore blobs();

    /** Closes the store and opens it again with the same context. */
    BlobStore reopen();

    /** The clock in the store's context. */
    MutableClock clock();

    /** Writes {@code content}. */
    default StoredBlob write(byte[] content) {
        return blobs().write(new ByteArrayInputStream(content));
    }

    /** Reads a whole stream and closes it. */
    static byte[] readAll(InputStream in) {
        try (InputStream stream = in) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole content of a blob. */
    default byte[] read(String id) {
        return readAll(blobs().open(id));
    }

    /** The ids {@link BlobStore#scan} visits. */
    default Set<String> scan(Instant createdBefore) {
        Set<String> ids = new HashSet<>();
        blobs().scan(createdBefore, id -> {
            if (!ids.add(id)) {
                throw new AssertionError("scan visited " + id + " twice");
            }
        });
        return ids;
    }

    /** Every blob: those created before a time far after the clock. */
    default Set<String> scanAll() {
        return scan(clock().instant().plusSeconds(365L * 24 * 3600));
    }
}
