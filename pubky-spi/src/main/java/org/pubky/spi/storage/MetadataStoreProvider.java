package org.pubky.spi.storage;

import org.pubky.spi.Provider;

/** Opens {@link MetadataStore}s; found with {@link java.util.ServiceLoader} by {@link #name()}. */
public interface MetadataStoreProvider extends Provider<MetadataStore> {
}
