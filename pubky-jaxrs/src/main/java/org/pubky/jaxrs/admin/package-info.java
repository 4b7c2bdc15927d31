/**
 * The homeserver's admin API as a JAX-RS application ({@link org.pubky.jaxrs.admin.AdminApiApplication}):
 * the reference's routes, guarded by an {@link org.pubky.spi.auth.AdminAuthenticator}. Serve it
 * on a listener that only operators can reach.
 */
package org.pubky.jaxrs.admin;
