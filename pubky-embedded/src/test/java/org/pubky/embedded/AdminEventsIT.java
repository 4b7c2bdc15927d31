package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.homeserver.events.EventStreamSettings;
import org.pubky.core.keys.Keypair;

/** The admin {@code GET /events-stream} over real HTTP (the password check belongs to the admin application). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class AdminEventsIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static EventHost host;
    private static Api api;
    private static Api.User alice;
    private static Api.User bob;

    @BeforeAll
    static void start() {
        host = new EventHost(EventStreamSettings.defaults());
        api = host.api();
        // empty log: 200, no-store, no frames, then the end (HS-ADM-020)
        SseClient empty = admin("");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.header("Cache-Control")).hasValue("no-store");
        assertThat(empty.all(WAIT)).isEmpty();
        assertThat(empty.raw()).isEmpty();

        alice = api.signupGrant(Keypair.random(), "/:rw");
        bob = api.signupGrant(Keypair.random(), "/:rw");
        put(alice, "/pub/a.txt");          // 1
        put(alice, "/priv/app/secret.txt"); // 2
        put(bob, "/pub/b.txt");            // 3
        put(bob, "/priv/x.txt");           // 4
        assertThat(api.send("DELETE", "/storage/" + alice.z32() + "/pub/a.txt", null, alice.auth()).status()).isEqualTo(204); // 5
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static void put(Api.User u, String path) {
        assertThat(api.send("PUT", "/storage/" + u.z32() + path, path.getBytes(StandardCharsets.UTF_8), u.auth()).status())
                .isEqualTo(201);
    }

    private static SseClient admin(String query) {
        return SseClient.open(host.admin(), "/events-stream" + (query.isEmpty() ? "" : "?" + query));
    }

    private static List<String> lines(String query) {
        return admin(query).all(WAIT).stream().map(m -> m.line() + " " + m.cursor()).toList();
    }

    @Test
    void everyEventIncludingPrivateOnesInIdOrder() {
        SseClient all = admin("");
        assertThat(all.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(all.header("Cache-Control")).hasValue("no-store");
        List<SseClient.Message> messages = all.all(WAIT);
        assertThat(messages).extracting(SseClient.Message::line).containsExactly(
                "PUT pubky://" + alice.z32() + "/pub/a.txt",
                "PUT pubky://" + alice.z32() + "/priv/app/secret.txt",
                "PUT pubky://" + bob.z32() + "/pub/b.txt",
                "PUT pubky://" + bob.z32() + "/priv/x.txt",
                "DEL pubky://" + alice.z32() + "/pub/a.txt");
        assertThat(messages).extracting(SseClient.Message::cursor).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(messages.get(1).contentHash()).isPresent();
        assertThat(lines("limit=1")).containsExactly("PUT pubky://" + alice.z32() + "/pub/a.txt 1");
        // the client feed still shows no private path
        assertThat(api.get("/events/").text()).doesNotContain("/priv/").contains("/pub/b.txt");
    }

    @Test
    void userPathCursorAndReverseFilters() {
        assertThat(lines("user=" + alice.z32())).extracting(l -> l.substring(l.length() - 1)).containsExactly("1", "2", "5");
        assertThat(lines("user=" + alice.z32() + "&user=" + alice.z32() + "&user=")).hasSize(3);
        assertThat(lines("path=/pub/a.txt&path=/priv/")).extracting(l -> l.substring(l.length() - 1))
                .containsExactly("1", "2", "4", "5"); // not /pub/b.txt
        assertThat(lines("path=/pub/a.txt&path=/priv/x.txt")).extracting(l -> l.substring(l.length() - 1))
                .containsExactly("1", "4", "5");
        assertThat(lines("path=priv/app/")).extracting(l -> l.substring(l.length() - 1)).containsExactly("2");
        assertThat(lines("cursor=1&limit=2")).extracting(l -> l.substring(l.length() - 1)).containsExactly("2", "3");
        assertThat(admin("cursor=pubky%3A%2F%2F1").status()).as("no pubky:// prefix on the admin cursor").isEqualTo(400);
        assertThat(lines("reverse=true")).extracting(l -> l.substring(l.length() - 1)).containsExactly("5", "4", "3", "2", "1");
        assertThat(lines("reverse=true&cursor=3&user=" + alice.z32())).extracting(l -> l.substring(l.length() - 1))
                .containsExactly("2", "1");
        assertThat(lines("reverse=true&cursor=0")).isEmpty();
        assertThat(lines("user=" + bob.z32() + "&cursor=3")).extracting(l -> l.substring(l.length() - 1)).containsExactly("4");
    }

    @Test
    void liveDeliversNewPrivateWrites() {
        Api.User carol = api.signupGrant(Keypair.random(), "/:rw");
        SseClient live = admin("live=true&user=" + carol.z32());
        live.assertNothingFor(Duration.ofMillis(200));
        put(carol, "/priv/app/new.txt");
        assertThat(live.next(WAIT).line()).isEqualTo("PUT pubky://" + carol.z32() + "/priv/app/new.txt");
        live.close();
    }

    @Test
    void invalidRequests() {
        assertError(admin("cursor=notanumber"), 400, "Invalid cursor");
        assertError(admin("live=true&reverse=true"), 400, "Cannot use live mode with reverse ordering");
        assertError(admin("limit=abc"), 400, "Invalid limit: abc");
        assertError(admin("limit=0"), 400, "limit must be at least 1");
        assertError(admin("user=" + alice.z32() + ":1"), 400, "Invalid public key: " + alice.z32() + ":1");
        assertError(admin("user=" + Keypair.random().publicKey().z32()), 404, "Not Found");
        StringBuilder many = new StringBuilder("user=" + alice.z32());
        for (int i = 0; i < 50; i++) {
            many.append("&user=").append(Keypair.random().publicKey().z32());
        }
        assertError(admin(many.toString()), 400, "Too many users. Maximum allowed: 50");
    }

    private static void assertError(SseClient s, int status, String text) {
        assertThat(s.status()).isEqualTo(status);
        assertThat(s.text()).isEqualTo(text);
    }
}
