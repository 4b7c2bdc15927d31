/**
 * The homeserver's administration, transport free: {@link org.pubky.core.homeserver.admin.AdminService}
 * (overview, signup tokens, user flags and limits, repair deletes) and the default
 * {@link org.pubky.spi.auth.AdminAuthenticator}, a shared password compared in constant time.
 */
package org.pubky.core.homeserver.admin;
