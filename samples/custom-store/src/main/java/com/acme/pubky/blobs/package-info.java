/**
 * A sample vendor backend: {@link com.acme.pubky.blobs.FlatDirectoryBlobStore}, a blob store
 * that keeps every blob as one file in a single flat directory, and the provider that lets a
 * homeserver select it with {@code pubky.storage.blobs=flat-directory}. It is documentation: small
 * on purpose, and proven by the compliance kit ({@code pubky-spi-tck}) like every backend.
 */
package com.acme.pubky.blobs;
