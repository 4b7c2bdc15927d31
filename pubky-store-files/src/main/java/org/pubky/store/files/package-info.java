/**
 * Blob store on the local file system. Filled by the storage issue.
 */
package org.pubky.store.files;
