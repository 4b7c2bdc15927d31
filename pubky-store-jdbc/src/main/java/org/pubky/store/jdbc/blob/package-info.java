/** Internal: streaming pieces of {@link org.pubky.store.jdbc.JdbcBlobStore}. Not an API. */
package org.pubky.store.jdbc.blob;
