package org.pubky.store.jdbc.tck;

import java.nio.file.Path;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.store.jdbc.JdbcMetadataStoreProvider;
import org.pubky.store.jdbc.db.Dialect;
import org.pubky.tck.MetadataStoreContract;

/** The metadata compliance kit on Postgres. */
final class PostgresMetadataStoreContractIT extends MetadataStoreContract {
    @Override
    protected MetadataStore open(ProviderContext context) {
        return new JdbcMetadataStoreProvider().open(context, TckDatabases.config(Dialect.POSTGRESQL, context));
    }

    @Override
    protected void dispose(Path dataDirectory) {
        TckDatabases.dispose(Dialect.POSTGRESQL, dataDirectory);
    }
}
