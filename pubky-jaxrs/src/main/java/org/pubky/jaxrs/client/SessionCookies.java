package org.pubky.jaxrs.client;

import java.time.Duration;
import java.time.Instant;
import org.pubky.core.keys.PublicKey;
import org.pubky.jaxrs.common.HttpDates;

/**
 * The {@code Set-Cookie} values of cookie sessions: named after the user's key, one year,
 * {@code HttpOnly}, and {@code Secure; SameSite=None} only when the request's {@code Host} is a
 * public key or a dotted domain name (never for IP addresses, {@code localhost}, single labels or
 * a host with a port), as the reference decides.
 */
final class SessionCookies {
    static final Duration MAX_AGE = Duration.ofDays(365);

    private SessionCookies() {
    }

    static String session(PublicKey user, String secret, String host, Instant now) {
        StringBuilder cookie = new StringBuilder()
                .append(user.z32()).append('=').append(secret)
                .append("; HttpOnly; Path=/; Max-Age=").append(MAX_AGE.toSeconds())
                .append("; Expires=").append(HttpDates.format(now.plus(MAX_AGE)));
        if (isSecure(host)) {
            cookie.append("; Secure; SameSite=None");
        }
        return cookie.toString();
    }

    static String removal(PublicKey user) {
        return user.z32() + "=; HttpOnly; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
    }

    /** True when the host is a z-base-32 key or a dotted domain name (not an IP). */
    static boolean isSecure(String host) {
        if (host == null || host.isEmpty() || host.contains(":") || host.startsWith("[")) {
            return false;
        }
        if (Tenants.parse(host).isPresent()) {
            return true;
        }
        if (!host.contains(".") || host.endsWith(".")) {
            return false;
        }
        return !host.matches("[0-9.]+");
    }
}
