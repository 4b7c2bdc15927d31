/**
 * Internal: the database underneath the jdbc stores. {@link org.pubky.store.jdbc.db.Database} wraps
 * a DataSource with transactions and retries, {@link org.pubky.store.jdbc.db.Dialect} holds what
 * differs between PostgreSQL, MariaDB and H2, and {@link org.pubky.store.jdbc.db.Migrator} brings
 * the tables to the current version. Not an API: it may change in any release.
 */
package org.pubky.store.jdbc.db;
