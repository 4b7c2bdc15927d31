/**
 * The LMDB metadata store ({@link org.pubky.store.lmdb.LmdbMetadataStore}, provider {@code lmdb}):
 * the embedded default. One LMDB environment holds users, sessions, grants, tokens, single-use
 * values, entries and the event log in named databases; each atomic unit of the SPI is one LMDB
 * write transaction. The on-disk layout is described in {@code docs/storage-lmdb.md}.
 */
package org.pubky.store.lmdb;
