package org.pubky.spi.storage;

import org.pubky.spi.Provider;

/** Opens {@link BlobStore}s; found with {@link java.util.ServiceLoader} by {@link #name()}. */
public interface BlobStoreProvider extends Provider<BlobStore> {
}
