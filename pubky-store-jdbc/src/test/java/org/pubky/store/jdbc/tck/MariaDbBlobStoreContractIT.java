package org.pubky.store.jdbc.tck;

import java.nio.file.Path;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.BlobStore;
import org.pubky.store.jdbc.JdbcBlobStoreProvider;
import org.pubky.store.jdbc.db.Dialect;
import org.pubky.tck.BlobStoreContract;

/** The blob compliance kit on MariaDb. */
final class MariaDbBlobStoreContractIT extends BlobStoreContract {
    @Override
    protected BlobStore open(ProviderContext context) {
        return new JdbcBlobStoreProvider().open(context, TckDatabases.blobConfig(Dialect.MARIADB, context));
    }

    @Override
    protected void dispose(Path dataDirectory) {
        TckDatabases.dispose(Dialect.MARIADB, dataDirectory);
    }
}
