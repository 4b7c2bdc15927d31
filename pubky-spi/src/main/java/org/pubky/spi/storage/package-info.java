/**
 * The storage SPI: a {@link org.pubky.spi.storage.MetadataStore} for everything but file content
 * and a {@link org.pubky.spi.storage.BlobStore} for content, each opened by a provider found with
 * {@link java.util.ServiceLoader}.
 *
 * <p>Invariants every backend keeps (and {@code pubky-spi-tck} checks): paths are ordered by their
 * UTF-8 bytes; listings cost O(limit), not O(entries); each write or delete of a file commits the
 * entry, the owner's usage and the event together or not at all; signup consumes its token exactly
 * once; event cursors strictly increase forever; blobs are durable before metadata points to them.
 *
 * <p>Values crossing this SPI are records that check their shape; the homeserver validates the
 * protocol rules (key encoding, path syntax, capability syntax) before calling a store, so stores
 * treat users and paths as opaque strings.
 */
package org.pubky.spi.storage;
