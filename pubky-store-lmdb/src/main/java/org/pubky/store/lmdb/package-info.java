/**
 * Metadata store on LMDB (lmdbjava), the default of the embedded homeserver. Filled by the storage issue.
 */
package org.pubky.store.lmdb;
