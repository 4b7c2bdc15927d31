package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.homeserver.events.EventStreamSettings;
import org.pubky.core.keys.Keypair;

/** How streams run on the wire: keep-alive comments, many concurrent live streams, shutdown. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class EventStreamRuntimeIT {
    private static EventHost host;
    private static Api api;

    @BeforeAll
    static void start() {
        host = new EventHost(EventStreamSettings.defaults().withKeepAlive(Duration.ofMillis(300)));
        api = host.api();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void idleStreamsGetKeepAliveComments() throws Exception {
        Api.User u = api.signupGrant(Keypair.random(), "/:rw");
        SseClient live = SseClient.open(host.client(), "/events-stream?user=" + u.z32() + "&live=true");
        Thread.sleep(1100);
        assertThat(live.comments()).isGreaterThanOrEqualTo(2);
        assertThat(live.raw()).matches("(: \n\n)+");
        api.send("PUT", "/storage/" + u.z32() + "/pub/x", "x".getBytes(StandardCharsets.UTF_8), u.auth());
        assertThat(live.next(Duration.ofSeconds(5)).path()).isEqualTo("/pub/x");
        live.close();
    }

    @Test
    void manyLiveStreamsAllReceiveEveryEventWithoutAThreadEach() {
        Api.User u = api.signupGrant(Keypair.random(), "/:rw");
        int streams = 200;
        List<SseClient> clients = new ArrayList<>(streams);
        for (int i = 0; i < streams; i++) {
            clients.add(SseClient.open(host.client(), "/events-stream?user=" + u.z32() + "&live=true"));
        }
        assertThat(clients).allMatch(c -> c.status() == 200);
        assertThat(host.homeserver.events().openStreams()).isEqualTo(streams);
        long requestThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("pubky-http")).count();
        assertThat(requestThreads).isLessThan(streams); // idle streams hold no request thread
        for (int i = 0; i < 5; i++) {
            api.send("PUT", "/storage/" + u.z32() + "/pub/m" + i, "m".getBytes(StandardCharsets.UTF_8), u.auth());
        }
        for (SseClient c : clients) {
            assertThat(c.next(5, Duration.ofSeconds(10))).extracting(SseClient.Message::path)
                    .containsExactly("/pub/m0", "/pub/m1", "/pub/m2", "/pub/m3", "/pub/m4");
        }
        clients.forEach(SseClient::close);
    }

    @Test
    void closingTheHomeserverEndsOpenStreams() {
        try (EventHost other = new EventHost(EventStreamSettings.defaults())) {
            Api.User u = other.api().signupGrant(Keypair.random(), "/:rw");
            SseClient live = SseClient.open(other.client(), "/events-stream?user=" + u.z32() + "&live=true");
            assertThat(live.status()).isEqualTo(200);
            long start = System.nanoTime();
            other.homeserver.events().close();
            assertThat(live.awaitEnd(Duration.ofSeconds(3))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
