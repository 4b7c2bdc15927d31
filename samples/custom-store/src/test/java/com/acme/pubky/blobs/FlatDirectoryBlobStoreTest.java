package com.acme.pubky.blobs;

import java.util.Map;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.BlobStore;
import org.pubky.tck.BlobStoreContract;

/**
 * Step 3: the whole compliance kit for blob stores, 40 tests, by subclassing. The kit opens the
 * store through the provider, as a homeserver does, with a fresh data directory and a clock it
 * moves; reopening with the same context must find the same blobs. Nothing here may be skipped:
 * the missing range reads are checked by the kit (they must fail with {@code UNSUPPORTED}).
 */
final class FlatDirectoryBlobStoreTest extends BlobStoreContract {
    @Override
    protected BlobStore open(ProviderContext context) {
        return new FlatDirectoryBlobStoreProvider().open(context, Map.of());
    }
}
