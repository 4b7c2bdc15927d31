package org.pubky.store.lmdb;

import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.tck.MetadataStoreContract;

/**
 * The compliance kit on the LMDB store with its production settings: every commit is flushed to
 * disk ({@code sync=true}). The kit's 100 000-entry test is left to {@link LmdbNoSyncMetadataStoreTest}:
 * with one fsync pair per commit it needs minutes on a shared CI disk, which says nothing about
 * the listing code it checks.
 */
final class LmdbMetadataStoreTest extends MetadataStoreContract {
    @Override
    protected MetadataStore open(ProviderContext context) {
        return new LmdbMetadataStoreProvider().open(context, Map.of("map-size", "1m"));
    }

    @Test
    @Disabled("runs in LmdbNoSyncMetadataStoreTest: 100 000 fsync'd commits take minutes, see docs/storage-lmdb.md")
    @Override
    public void firstAndLastPagesOfAHundredThousandEntries() {
    }
}
