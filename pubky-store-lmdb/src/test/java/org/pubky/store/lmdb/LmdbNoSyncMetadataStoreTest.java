package org.pubky.store.lmdb;

import java.util.Map;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.tck.MetadataStoreContract;

/**
 * The whole compliance kit on the LMDB store with {@code sync=false} (commits are not fsync'd;
 * the environment is flushed on close). The kit cannot observe an fsync, so everything it checks
 * (including reopening after close) holds in this mode as in the durable one; this run is what
 * keeps the 100 000-entry listing test fast.
 */
final class LmdbNoSyncMetadataStoreTest extends MetadataStoreContract {
    @Override
    protected MetadataStore open(ProviderContext context) {
        return new LmdbMetadataStoreProvider().open(context, Map.of("map-size", "1m", "sync", "false"));
    }
}
