/**
 * Storage on PostgreSQL, MariaDB and H2 through JDBC: {@link org.pubky.store.jdbc.JdbcMetadataStore}
 * and the optional {@link org.pubky.store.jdbc.JdbcBlobStore}, each opened by a provider named
 * {@code jdbc} (found with {@link java.util.ServiceLoader}).
 *
 * <p>Configuration keys, the choice between a host {@code javax.sql.DataSource} and an own pool, the
 * schema, multi-instance use and backups are described in {@code docs/storage-jdbc.md}. The
 * sub-packages are internal: {@code db} (connections, dialects, migrations), {@code metadata} (the
 * parts of the metadata store), {@code notify} (event wake-ups across instances) and {@code blob}.
 */
package org.pubky.store.jdbc;
