/**
 * A blob store on the file system: {@link org.pubky.store.files.FileBlobStore}, opened directly or
 * through {@link org.pubky.store.files.FileBlobStoreProvider} (provider name {@code files}).
 *
 * <p>One immutable file per blob, written to a temp file, synced and renamed atomically into two
 * levels of fan-out directories; ids carry their creation time so the orphan sweep's scan reads
 * directory listings only. Several processes may share one directory. Depends on
 * {@code pubky-spi} and the SLF4J API only. Layout and operations: {@code docs/storage-files.md}.
 */
package org.pubky.store.files;
