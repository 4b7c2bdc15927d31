/**
 * Who may do what, beyond the protocol's own signatures and token formats (which are not
 * pluggable): who may use the admin API ({@link org.pubky.spi.auth.AdminAuthenticator}), who may
 * sign up ({@link org.pubky.spi.auth.SignupPolicy}), and per-user limits and capability narrowing
 * ({@link org.pubky.spi.auth.AccessPolicy}). Defaults live in pubky-core: a shared admin password
 * compared in constant time, the {@code open} and {@code token_required} signup modes, and no
 * extra access policy.
 */
package org.pubky.spi.auth;
