package org.pubky.core.storage.memory;

import java.util.Map;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.Providers;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.MetadataStoreProvider;
import org.pubky.tck.MetadataStoreContract;

/** The whole metadata-store compliance kit against the in-memory store, opened through ServiceLoader. */
final class InMemoryMetadataStoreTest extends MetadataStoreContract {
    @Override
    protected MetadataStore open(ProviderContext context) {
        return Providers.find(MetadataStoreProvider.class, "memory", getClass().getClassLoader())
                .open(context, Map.of());
    }
}
