package org.pubky.core.storage.memory;

import java.util.Map;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.Providers;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.BlobStoreProvider;
import org.pubky.tck.BlobStoreContract;

/** The whole blob-store compliance kit against the in-memory store, opened through ServiceLoader. */
final class InMemoryBlobStoreTest extends BlobStoreContract {
    @Override
    protected BlobStore open(ProviderContext context) {
        return Providers.find(BlobStoreProvider.class, "memory", getClass().getClassLoader()).open(context, Map.of());
    }
}
