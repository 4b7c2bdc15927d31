package org.pubky.jaxrs.client;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.pubky.core.homeserver.auth.Credentials;

/** Reads the credentials a request presents from its headers. */
final class RequestCredentials {
    private RequestCredentials() {
    }

    static Credentials of(HttpHeaders headers) {
        Map<String, String> cookies = new HashMap<>();
        for (Map.Entry<String, Cookie> cookie : headers.getCookies().entrySet()) {
            cookies.putIfAbsent(cookie.getKey(), cookie.getValue().getValue());
        }
        return new Credentials(Optional.ofNullable(headers.getHeaderString(HttpHeaders.AUTHORIZATION)), cookies);
    }
}
