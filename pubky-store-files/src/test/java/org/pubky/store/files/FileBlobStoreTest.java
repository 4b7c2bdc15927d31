package org.pubky.store.files;

import java.util.Map;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.BlobStore;
import org.pubky.tck.BlobStoreContract;

/** The compliance kit on the file blob store, opened through its provider with default settings (fsync on). */
final class FileBlobStoreTest extends BlobStoreContract {
    @Override
    protected BlobStore open(ProviderContext context) {
        return new FileBlobStoreProvider().open(context, Map.of());
    }
}
