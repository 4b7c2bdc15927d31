package org.pubky.store.lmdb;

import java.util.Map;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.MetadataStoreProvider;

/**
 * The {@code lmdb} metadata store provider. Configuration keys (the host strips the
 * {@code pubky.storage.metadata.} prefix), all optional:
 *
 * <ul>
 *   <li>{@code dir}: environment directory; default {@code <data dir>/lmdb}</li>
 *   <li>{@code map-size}: initial map size, e.g. {@code 256m} (default); grows by doubling</li>
 *   <li>{@code max-map-size}: growth limit; default {@code 1t}</li>
 *   <li>{@code max-readers}: concurrent read transactions; default 256</li>
 *   <li>{@code sync}: {@code true} (default, durable commits), {@code meta} or {@code false}</li>
 * </ul>
 *
 * Unknown keys are refused with {@code MALFORMED_INPUT} so a typo does not go unnoticed.
 * Stateless and thread-safe.
 */
public final class LmdbMetadataStoreProvider implements MetadataStoreProvider {
    /** The provider name used in configuration. */
    public static final String NAME = "lmdb";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MetadataStore open(ProviderContext context, Map<String, String> config) {
        return LmdbMetadataStore.open(context, config);
    }
}
