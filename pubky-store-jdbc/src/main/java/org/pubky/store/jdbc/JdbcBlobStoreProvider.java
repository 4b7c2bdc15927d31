package org.pubky.store.jdbc;

import java.util.Map;
import java.util.Set;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.BlobStoreProvider;
import org.pubky.store.jdbc.db.JdbcSettings;

/**
 * Opens {@link JdbcBlobStore}s; provider name {@code jdbc}. Same keys as the metadata provider plus
 * {@code chunk-size}. Stateless and thread-safe.
 */
public final class JdbcBlobStoreProvider implements BlobStoreProvider {
    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public BlobStore open(ProviderContext context, Map<String, String> config) {
        return JdbcBlobStore.open(context, config);
    }

    @Override
    public Set<String> sensitiveKeys() {
        return JdbcSettings.SENSITIVE_KEYS;
    }
}
