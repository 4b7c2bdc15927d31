package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class HttpRelayIT {
    private static PubkyHomeserver server;
    private static URI relay;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = PubkyHomeserver.builder().clientPort(0).httpRelayPort(0)
                .config(Map.of("pubky.http-relay.inbox-timeout", "1s", "pubky.http-relay.link-timeout", "2s"))
                .start();
        relay = server.httpRelayUri().orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void inboxStoresUntilAcknowledgedAndForwardsTheContentType() throws Exception {
        assertThat(send("POST", "/inbox/chan-1", "payload", "application/x-test").statusCode()).isEqualTo(200);
        HttpResponse<String> first = send("GET", "/inbox/chan-1", null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("payload");
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/x-test");
        assertThat(send("GET", "/inbox/chan-1", null, null).body()).isEqualTo("payload"); // at-least-once
        assertThat(send("GET", "/inbox/chan-1/ack", null, null).body()).isEqualTo("false");
        assertThat(send("DELETE", "/inbox/chan-1", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/inbox/chan-1/ack", null, null).body()).isEqualTo("true");
        HttpResponse<String> afterAck = send("GET", "/inbox/chan-1", null, null);
        assertThat(afterAck.statusCode()).isEqualTo(408);
        assertThat(afterAck.body()).isEqualTo("Request timed out");
    }

    @Test
    void inboxLongPollReceivesALaterMessage() throws Exception {
        CompletableFuture<HttpResponse<String>> waiting = sendAsync("GET", "/inbox/chan-2", null);
        Thread.sleep(300);
        send("POST", "/inbox/chan-2", "late", null);
        HttpResponse<String> response = waiting.get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("late");
    }

    @Test
    void awaitReturnsOnceTheConsumerAcknowledges() throws Exception {
        send("POST", "/inbox/chan-3", "x", null);
        CompletableFuture<HttpResponse<String>> awaiting = sendAsync("GET", "/inbox/chan-3/await", null);
        Thread.sleep(200);
        assertThat(awaiting).isNotDone();
        send("DELETE", "/inbox/chan-3", null, null);
        assertThat(awaiting.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownChannelsAnswerNotFoundOrTimeOut() throws Exception {
        assertThat(send("DELETE", "/inbox/nothing", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/inbox/nothing/ack", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/inbox/nothing/await", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/inbox/nothing-yet", null, null).statusCode()).isEqualTo(408);
    }

    @Test
    void oversizedMessagesAndIdsAreRefused() throws Exception {
        HttpResponse<String> big = send("POST", "/inbox/big", "x".repeat(2049), null);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(send("GET", "/inbox/big/ack", null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> longId = send("POST", "/inbox/" + "a".repeat(257), "x", null);
        assertThat(longId.statusCode()).isEqualTo(400);
        assertThat(longId.body()).isEqualTo("Inbox ID too long");
    }

    @Test
    void linkHandsOffInBothOrders() throws Exception {
        CompletableFuture<HttpResponse<String>> consumer = sendAsync("GET", "/link/l1", null);
        Thread.sleep(200);
        HttpResponse<String> producer = send("POST", "/link/l1", "secret-box", "application/octet-stream");
        assertThat(producer.statusCode()).isEqualTo(200);
        assertThat(producer.headers().firstValue("Deprecation")).hasValue("true");
        assertThat(consumer.get(5, TimeUnit.SECONDS).body()).isEqualTo("secret-box");

        CompletableFuture<HttpResponse<String>> producer2 = sendAsync("POST", "/link/l2", "second");
        Thread.sleep(200);
        assertThat(producer2).isNotDone();
        assertThat(send("GET", "/link/l2", null, null).body()).isEqualTo("second");
        assertThat(producer2.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void linkProducerTimesOutWithoutAConsumer() throws Exception {
        HttpResponse<String> producer = send("POST", "/link/l3", "nobody", null);
        assertThat(producer.statusCode()).isEqualTo(408);
    }

    @Test
    void preflightAndResponsesCarryCors() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(relay.resolve("/inbox/c"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST").build();
        HttpResponse<String> response = HTTP.send(preflight, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
    }

    private static HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(relay.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String body) {
        return HTTP.sendAsync(HttpRequest.newBuilder(relay.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
