package org.pubky.store.jdbc.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one connection; may throw {@link SQLException}, which {@link Database} maps.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
