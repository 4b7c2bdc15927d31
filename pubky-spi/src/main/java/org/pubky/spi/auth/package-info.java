/**
 * Who may use the homeserver's admin API: the {@link org.pubky.spi.auth.AdminAuthenticator} SPI
 * and the request shape it judges. The default (a shared password compared in constant time)
 * lives in pubky-core; a container can plug in its own (Jakarta Security roles, an SSO header
 * set by a trusted proxy, …).
 */
package org.pubky.spi.auth;
