/**
 * Metadata store on PostgreSQL, MariaDB and H2 through JDBC. Filled by the storage issue.
 */
package org.pubky.store.jdbc;
