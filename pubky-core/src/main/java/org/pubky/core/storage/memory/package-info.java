/**
 * In-memory storage backends, registered under the name {@code memory}: a
 * {@link org.pubky.spi.storage.MetadataStore} for tests, demos and the testnet, and a
 * {@link org.pubky.spi.storage.BlobStore} that keeps content off the Java heap.
 *
 * <p>Neither is {@linkplain org.pubky.spi.storage.StoreCapability#DURABLE durable}: closing a
 * store drops its data, and opening again gives an empty store. Both pass {@code pubky-spi-tck}.
 */
package org.pubky.core.storage.memory;
