package org.pubky.embedded;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.pubky.core.encoding.Json;

/** Calls the admin API of a test server with its password. */
final class AdminClient {
    private final Api http;
    private final String password;

    AdminClient(PubkyHomeserver server, String password) {
        this.http = new Api(server.adminUri().orElseThrow(), server.publicKey());
        this.password = password;
    }

    Api.Resp send(String method, String path, String body) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return body == null ? http.send(method, path, null, "X-Admin-Password", password)
                : http.send(method, path, bytes, "X-Admin-Password", password, "Content-Type", "application/json");
    }

    Api.Resp get(String path) {
        return send("GET", path, null);
    }

    Api.Resp raw(String method, String path, String... headers) {
        return http.send(method, path, null, headers);
    }

    /** Mints a token and fails the test if that does not work. */
    String token() {
        Api.Resp r = get("/generate_signup_token");
        if (r.status() != 200) {
            throw new AssertionError("minting a token failed: " + r.status() + " " + r.text());
        }
        return r.text();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Api.Resp r) {
        return (Map<String, Object>) Json.parse(r.text());
    }
}
