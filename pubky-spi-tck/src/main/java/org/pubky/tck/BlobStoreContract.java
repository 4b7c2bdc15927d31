package org.pubky.tck;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.BlobStore;

/**
 * The compliance kit for {@link BlobStore}. A backend passes it by subclassing:
 *
 * <pre>{@code
 * final class FileBlobStoreTest extends BlobStoreContract {
 *     @Override
 *     protected BlobStore open(ProviderContext context) {
 *         return new FileBlobStoreProvider().open(context, Map.of());
 *     }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh data directory and a {@link MutableClock} in the context; blobs must
 * be stamped with that clock. Opening again with the same context must reopen the same data.
 * Stores are closed after each test, then {@link #dispose} runs. One test streams 512 MiB through
 * the store (tagged {@code slow}), so the data directory needs that much free space.
 */
@Tag("tck")
@Timeout(60)
public abstract class BlobStoreContract implements BlobRoundTripContract, BlobFailureContract, BlobScanContract,
        BlobConcurrencyContract, BlobCapabilityContract, LargeBlobContract {
    private Path dataDirectory;
    private ProviderContext context;
    private MutableClock clock;
    private BlobStore blobs;

    /** Opens the store under test; called before each test and by {@link #reopen()}. */
    protected abstract BlobStore open(ProviderContext context);

    /** Releases what the test left outside {@code dataDirectory}; the default does nothing. */
    protected void dispose(Path dataDirectory) {
    }

    @BeforeEach
    final void openStoreForTest(@TempDir Path directory) {
        dataDirectory = directory;
        clock = new MutableClock();
        context = new ProviderContext(Optional.of(directory), clock, Map.of());
        blobs = requireNonNull(open(context), "open returned null");
    }

    @AfterEach
    final void closeStoreAfterTest() {
        try {
            if (blobs != null) {
                blobs.close();
            }
        } finally {
            blobs = null;
            dispose(dataDirectory);
        }
    }

    @Override
    public final BlobStore blobs() {
        if (blobs == null) {
            throw new IllegalStateException("no store is open");
        }
        return blobs;
    }

    @Override
    public final BlobStore reopen() {
        blobs().close();
        blobs = null;
        blobs = requireNonNull(open(context), "open returned null");
        return blobs;
    }

    @Override
    public final MutableClock clock() {
        return clock;
    }
}
