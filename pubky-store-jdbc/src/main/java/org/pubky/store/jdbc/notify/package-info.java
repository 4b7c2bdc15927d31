/**
 * Internal: waking event subscribers, directly after own commits and, for other instances' commits,
 * through PostgreSQL {@code LISTEN} or a cursor poll. Not an API.
 */
package org.pubky.store.jdbc.notify;
