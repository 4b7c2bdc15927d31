package org.pubky.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pubky.core.auth.AuthToken;
import org.pubky.core.auth.Grant;
import org.pubky.core.auth.PopProof;
import org.pubky.core.auth.RandomId;
import org.pubky.core.encoding.Json;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capabilities;
import org.pubky.core.time.Timestamp;

/** A small HTTP client for integration tests against a running homeserver. */
final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final PublicKey homeserver;

    Api(URI base, PublicKey homeserver) {
        this.base = base;
        this.homeserver = homeserver;
    }

    /** A response, fully read. */
    record Resp(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        List<String> all(String name) {
            return headers.allValues(name);
        }
    }

    Resp send(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Resp(response.statusCode(), response.headers(), response.body());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    Resp get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** A signed-in user: its key and the credential headers to send. */
    record User(Keypair keypair, String[] auth) {
        PublicKey key() {
            return keypair.publicKey();
        }

        String z32() {
            return keypair.publicKey().z32();
        }

        String[] with(String... more) {
            String[] all = java.util.Arrays.copyOf(auth, auth.length + more.length);
            System.arraycopy(more, 0, all, auth.length, more.length);
            return all;
        }
    }

    byte[] authToken(Keypair keypair, String capabilities) {
        return AuthToken.sign(keypair, Timestamp.of(Instant.now()), Capabilities.parse(capabilities)).toBytes();
    }

    /** Cookie signup ({@code POST /signup}); returns a user authenticated by its cookie. */
    User signupCookie(Keypair keypair, String signupToken) {
        String query = signupToken == null ? "" : "?signup_token=" + signupToken;
        Resp r = send("POST", "/signup" + query, authToken(keypair, "/:rw"));
        if (r.status() != 200) {
            throw new AssertionError("signup failed: " + r.status() + " " + r.text());
        }
        return cookieUser(keypair, r);
    }

    User signupCookie(Keypair keypair) {
        return signupCookie(keypair, null);
    }

    /** Cookie signin ({@code POST /session}) with the given capabilities. */
    User signinCookie(Keypair keypair, String capabilities) {
        Resp r = send("POST", "/session", authToken(keypair, capabilities));
        if (r.status() != 200) {
            throw new AssertionError("signin failed: " + r.status() + " " + r.text());
        }
        return cookieUser(keypair, r);
    }

    static User cookieUser(Keypair keypair, Resp r) {
        String setCookie = r.header("Set-Cookie").orElseThrow();
        String secret = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        return new User(keypair, new String[] {"Cookie", keypair.publicKey().z32() + "=" + secret});
    }

    String grant(Keypair user, Keypair client, String clientId, String caps, long lifetime) {
        long now = Instant.now().getEpochSecond();
        return new Grant(user.publicKey(), clientId, Capabilities.parse(caps), client.publicKey(),
                RandomId.generate(new java.security.SecureRandom()), now, now + lifetime).sign(user);
    }

    String pop(Keypair client, String grantJws) {
        String jti = Grant.decode(grantJws).jti();
        return new PopProof(homeserver, jti, RandomId.generate(new java.security.SecureRandom()),
                Instant.now().getEpochSecond()).sign(client);
    }

    static byte[] grantBody(String grant, String pop) {
        return ("{\"grant\":\"" + grant + "\",\"pop\":\"" + pop + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Grant signup then a grant session with {@code caps}; returns a bearer-authenticated user. */
    User signupGrant(Keypair keypair, String caps) {
        Keypair signupClient = Keypair.random();
        String signupGrant = grant(keypair, signupClient, "pubky.signup", "/:rw", 300);
        Resp signup = send("POST", "/auth/grant/signup", grantBody(signupGrant, pop(signupClient, signupGrant)));
        if (signup.status() != 204) {
            throw new AssertionError("grant signup failed: " + signup.status() + " " + signup.text());
        }
        return grantSession(keypair, Keypair.random(), "test.app", caps);
    }

    User grantSession(Keypair keypair, Keypair client, String clientId, String caps) {
        String grant = grant(keypair, client, clientId, caps, 3600);
        Resp session = send("POST", "/auth/grant/session", grantBody(grant, pop(client, grant)));
        if (session.status() != 200) {
            throw new AssertionError("grant session failed: " + session.status() + " " + session.text());
        }
        @SuppressWarnings("unchecked")
        String token = (String) ((java.util.Map<String, Object>) Json.parse(session.text())).get("token");
        return new User(keypair, new String[] {"Authorization", "Bearer " + token});
    }
}
