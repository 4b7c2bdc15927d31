package org.pubky.spi.auth;

import static java.util.Objects.requireNonNull;

import java.security.Principal;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an admin request presents, as far as an {@link AdminAuthenticator} may look at it.
 *
 * <p>{@link #toString()} never shows the password, so an instance is safe to log by accident.
 *
 * @param password the value of the {@code X-Admin-Password} header, if sent (possibly empty)
 * @param principal the caller as the container authenticated it (Jakarta Security, a servlet
 *     login), if any
 * @param roles answers whether the container put the caller in a role; always false when the
 *     runtime has no container security (the embedded Jetty)
 */
public record AdminRequest(Optional<String> password, Optional<Principal> principal, Predicate<String> roles) {
    public AdminRequest {
        requireNonNull(password, "password is null");
        requireNonNull(principal, "principal is null");
        requireNonNull(roles, "roles is null");
    }

    /** A request that presents only a password header (or none, when {@code password} is null). */
    public static AdminRequest ofPassword(String password) {
        return new AdminRequest(Optional.ofNullable(password), Optional.empty(), role -> false);
    }

    /** True if the container put the caller in {@code role}. */
    public boolean isInRole(String role) {
        return roles.test(role);
    }

    @Override
    public String toString() {
        return "AdminRequest[password=" + (password.isPresent() ? "(given)" : "(absent)")
                + ", principal=" + principal.map(Principal::getName).orElse("(none)") + "]";
    }
}
