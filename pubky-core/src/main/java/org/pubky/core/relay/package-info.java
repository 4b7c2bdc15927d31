/**
 * The HTTP relay of the Pubky auth flows ({@code /inbox/{id}} and the legacy {@code /link/{id}}),
 * transport-free: the HTTP face lives in {@code org.pubky.jaxrs.relay}.
 */
package org.pubky.core.relay;
