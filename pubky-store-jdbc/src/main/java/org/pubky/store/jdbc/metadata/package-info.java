/**
 * Internal: the parts of {@link org.pubky.store.jdbc.JdbcMetadataStore}, one class per part of the
 * SPI, plus the path encoding ({@code PathBytes}), listings ({@code DirectoryLister}) and the write
 * half of entry units ({@code UnitWriter}). Not an API.
 */
package org.pubky.store.jdbc.metadata;
