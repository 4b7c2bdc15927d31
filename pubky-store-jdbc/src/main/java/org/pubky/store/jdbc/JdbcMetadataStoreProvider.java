package org.pubky.store.jdbc;

import java.util.Map;
import java.util.Set;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.MetadataStoreProvider;
import org.pubky.store.jdbc.db.JdbcSettings;

/**
 * Opens {@link JdbcMetadataStore}s; provider name {@code jdbc}. Keys: {@code url}, {@code user},
 * {@code password} (sensitive), {@code pool-size}, {@code connection-timeout}, {@code schema},
 * {@code migrate}, {@code notify-poll-interval}, {@code hikari.*}; without {@code url} the host's
 * {@code javax.sql.DataSource} service is used. Stateless and thread-safe.
 */
public final class JdbcMetadataStoreProvider implements MetadataStoreProvider {
    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public MetadataStore open(ProviderContext context, Map<String, String> config) {
        return JdbcMetadataStore.open(context, config);
    }

    @Override
    public Set<String> sensitiveKeys() {
        return JdbcSettings.SENSITIVE_KEYS;
    }
}
