package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pubky.core.hash.ContentHash;
import org.pubky.core.keys.Keypair;

/** {@code GET /events-stream} over real HTTP: wire format, batch and live modes, filters, cursors, validation. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class EventStreamIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    @RegisterExtension
    static final RunningHomeserver HS = new RunningHomeserver();

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void put(Api.User u, String path, String content) {
        assertThat(HS.api().send("PUT", "/storage/" + u.z32() + path, bytes(content), u.auth()).status()).isEqualTo(201);
    }

    static void delete(Api.User u, String path) {
        assertThat(HS.api().send("DELETE", "/storage/" + u.z32() + path, null, u.auth()).status()).isEqualTo(204);
    }

    static SseClient stream(String query, String... headers) {
        return SseClient.open(HS.server().clientUri(), "/events-stream?" + query, headers);
    }

    @Test
    void messagesAreByteExactWithoutIdsAndTheHashMatchesTheEtag() {
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        put(u, "/pub/hash_test.txt", "hello");
        delete(u, "/pub/hash_test.txt");
        SseClient s = stream("user=" + u.z32());
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(s.header("Cache-Control")).hasValue("no-store");
        assertThat(s.header("Vary")).hasValue("pubky-host, Authorization, Cookie");
        List<SseClient.Message> all = s.all(WAIT);
        assertThat(all).hasSize(2);
        long put = all.get(0).cursor();
        long del = all.get(1).cursor();
        String hash = ContentHash.of(bytes("hello")).base64();
        assertThat(hash).hasSize(44).endsWith("=");
        String etag = HS.api().get("/storage/" + u.z32() + "/pub/hash_test.txt").header("ETag").orElse(null);
        assertThat(etag).isNull(); // deleted; compare with a fresh write below
        assertThat(s.raw()).isEqualTo(
                "event: PUT\ndata: pubky://" + u.z32() + "/pub/hash_test.txt\ndata: cursor: " + put
                        + "\ndata: content_hash: " + hash + "\n\n"
                        + "event: DEL\ndata: pubky://" + u.z32() + "/pub/hash_test.txt\ndata: cursor: " + del + "\n\n");
        put(u, "/pub/hash_test.txt", "hello again");
        String liveEtag = HS.api().get("/storage/" + u.z32() + "/pub/hash_test.txt").header("ETag").orElseThrow();
        SseClient again = stream("user=" + u.z32() + ":" + del);
        assertThat(again.next(WAIT).contentHash()).hasValue(liveEtag.substring(1, liveEtag.length() - 1));
        again.assertEnds(WAIT);
    }

    @Test
    void nonAsciiPathsAreUtf8() {
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        put(u, "/pub/caf%C3%A9/%F0%9F%98%80.txt", "x");
        SseClient s = stream("user=" + u.z32());
        assertThat(s.next(WAIT).path()).isEqualTo("/pub/café/😀.txt");
        s.assertEnds(WAIT);
    }

    @Test
    void batchModeLimitLiveAndReverse() {
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        for (int i = 0; i < 250; i++) {
            put(u, "/pub/f" + i + ".txt", "c" + i);
        }
        for (int i = 0; i < 5; i++) {
            delete(u, "/pub/f" + i + ".txt");
        }
        // (1) all 255 across internal batches of 100, then the end
        SseClient all = stream("user=" + u.z32() + "&limit=255");
        List<SseClient.Message> history = all.all(WAIT);
        assertThat(history).hasSize(255);
        assertThat(history.subList(0, 250)).allMatch(m -> m.event().equals("PUT") && m.contentHash().isPresent());
        assertThat(history.subList(250, 255)).allMatch(m -> m.event().equals("DEL") && m.contentHash().isEmpty());
        assertThat(history).extracting(SseClient.Message::cursor).isSorted().doesNotHaveDuplicates();
        // without a limit too
        assertThat(stream("user=" + u.z32()).all(WAIT)).hasSize(255);
        // (2) limit 50
        assertThat(stream("user=" + u.z32() + "&limit=50").all(WAIT)).hasSize(50);
        // (5) cursor + limit without live: 5 then closed
        long c250 = history.get(249).cursor();
        SseClient five = stream("user=" + u.z32() + ":" + c250 + "&limit=5");
        assertThat(five.all(WAIT)).extracting(SseClient.Message::event).containsOnly("DEL").hasSize(5);
        // (3) live from the 250th: the 5 DELs, then a PUT written later
        SseClient live = stream("user=" + u.z32() + ":" + c250 + "&live=true");
        assertThat(live.next(5, WAIT)).extracting(SseClient.Message::event).containsOnly("DEL");
        sleep(200);
        put(u, "/pub/live.txt", "new");
        SseClient.Message sixth = live.next(WAIT);
        assertThat(sixth.line()).isEqualTo("PUT pubky://" + u.z32() + "/pub/live.txt");
        assertThat(live.ended()).isFalse();
        live.close();
        // (4) live + limit 10: 6 historical + 4 live, then ends promptly
        SseClient limited = stream("user=" + u.z32() + ":" + c250 + "&live=true&limit=10");
        assertThat(limited.next(6, WAIT)).hasSize(6);
        for (int i = 0; i < 4; i++) {
            put(u, "/pub/more" + i + ".txt", "m");
        }
        assertThat(limited.next(4, WAIT)).extracting(SseClient.Message::path)
                .containsExactly("/pub/more0.txt", "/pub/more1.txt", "/pub/more2.txt", "/pub/more3.txt");
        limited.assertEnds(Duration.ofMillis(500));
        // (8) reverse is the exact reverse of forward order
        List<SseClient.Message> forward = stream("user=" + u.z32()).all(WAIT);
        List<SseClient.Message> reverse = stream("user=" + u.z32() + "&reverse=true&limit=5").all(WAIT);
        List<SseClient.Message> expected = new ArrayList<>(forward.subList(forward.size() - 5, forward.size()));
        java.util.Collections.reverse(expected);
        assertThat(reverse).isEqualTo(expected);
        // reversed from a cursor: strictly older events
        List<SseClient.Message> older = stream("user=" + u.z32() + ":" + forward.get(3).cursor() + "&reverse=1").all(WAIT);
        assertThat(older).extracting(SseClient.Message::cursor)
                .containsExactly(forward.get(2).cursor(), forward.get(1).cursor(), forward.get(0).cursor());
        // reversed from cursor 0: nothing is older than 0
        assertThat(stream("user=" + u.z32() + ":0&reverse=true").all(WAIT)).isEmpty();
    }

    @Test
    void userWithoutEventsEndsAtOnceInBatchModeAndWaitsInLiveMode() {
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        SseClient batch = stream("user=" + u.z32());
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.all(WAIT)).isEmpty();
        assertThat(batch.raw()).isEmpty();
        SseClient live = stream("user=" + u.z32() + "&live=true");
        assertThat(live.status()).isEqualTo(200); // headers arrive before any event
        live.assertNothingFor(Duration.ofMillis(300));
        long before = System.nanoTime();
        put(u, "/pub/first.txt", "1");
        SseClient.Message first = live.next(WAIT);
        assertThat(first.line()).isEqualTo("PUT pubky://" + u.z32() + "/pub/first.txt");
        // flushed at once, not held back in a buffer
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
        live.close();
    }

    private static void assertError(SseClient s, int status, String text) {
        assertThat(s.status()).isEqualTo(status);
        assertThat(s.text()).contains(text);
        assertThat(s.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(s.header("Cache-Control")).hasValue("no-store");
        assertThat(s.header("Vary")).hasValue("pubky-host, Authorization, Cookie");
    }

    @Test
    void invalidRequestsAreClientErrorsWithTheStreamsCacheHeaders() {
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        String unknown = Keypair.random().publicKey().z32();
        assertError(stream("path=/pub/"), 400, "user parameter is required");
        assertError(SseClient.open(HS.server().clientUri(), "/events-stream"), 400, "user parameter is required");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : "&").append("user=").append(Keypair.random().publicKey().z32());
        }
        SseClient tooMany = stream(many.toString());
        assertError(tooMany, 400, "Too many users. Maximum allowed: 50");
        assertError(stream("user=invalid_key_not_zbase32"), 400, "Invalid public key");
        assertError(stream("user=pubky" + u.z32()), 400, "Invalid public key");
        assertError(stream("user=" + unknown), 404, "Not Found");
        assertError(stream("user=" + u.z32() + "&user=" + unknown), 404, "Not Found");
        assertError(stream("user=" + u.z32() + "&user=invalid"), 400, "Invalid public key: invalid");
        assertError(stream("user=bad1&user=bad2"), 400, "Invalid public key: bad1");
        assertError(stream("user=" + u.z32() + "&live=true&reverse=true"), 400, "Cannot use live mode with reverse ordering");
        assertError(stream("user=" + u.z32() + ":abc123xyz"), 400, "Invalid cursor: abc123xyz");
        assertError(stream("user=" + u.z32() + ":-100&limit=10"), 400, "Invalid cursor");
        assertError(stream("user=" + u.z32() + "&limit=0"), 400, "limit must be at least 1");
        assertError(stream("user=" + u.z32() + "&limit=abc"), 400, "Invalid limit: abc");
        assertError(stream("user=" + u.z32() + "&limit=65536"), 400, "Invalid limit: 65536");
        assertError(stream("user=" + u.z32() + "&path=/pub/a/../../.."), 400, "Invalid path: /pub/a/../../..");
        // with CORS: the origin is echoed and still varied on
        SseClient cors = stream("user=" + unknown, "Origin", "https://app.example");
        assertThat(cors.header("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(String.join(", ", corsVary(cors))).isIn("pubky-host, Authorization, Cookie, Origin",
                "Origin, pubky-host, Authorization, Cookie");
        // a cursor beyond every event: 200 and the stream ends without events
        SseClient beyond = stream("user=" + u.z32() + ":999999999&limit=10");
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.all(WAIT)).isEmpty();
        // flags other than true/1 are false; live=yes is not live, so reverse=1 is allowed with it
        assertThat(stream("user=" + u.z32() + "&live=yes&reverse=1").status()).isEqualTo(200);
    }

    private static List<String> corsVary(SseClient s) {
        return s.headers("Vary");
    }

    @Test
    void pathValuesGetALeadingSlashAndEmptyOnesAreIgnored() {
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        put(u, "/pub/test.txt", "t");
        put(u, "/pub/other.txt", "o");
        assertThat(stream("user=" + u.z32() + "&path=pub/test.txt").all(WAIT)).extracting(SseClient.Message::path)
                .containsExactly("/pub/test.txt");
        assertThat(stream("user=" + u.z32() + "&path=").all(WAIT)).extracting(SseClient.Message::path)
                .containsExactly("/pub/test.txt", "/pub/other.txt");
        assertThat(stream("user=" + u.z32() + "&path=&path=/pub/./x/../test.txt&path=").all(WAIT))
                .extracting(SseClient.Message::path).containsExactly("/pub/test.txt");
    }

    @Test
    void pathFiltersSelectDirectoriesOrExactFiles() {
        Api.User u1 = HS.api().signupGrant(Keypair.random(), "/:rw");
        Api.User u2 = HS.api().signupGrant(Keypair.random(), "/:rw");
        put(u1, "/pub/other.txt", "x");
        for (int i = 0; i < 5; i++) {
            put(u1, "/pub/files/doc_" + i + ".txt", "d" + i);
        }
        delete(u1, "/pub/files/doc_0.txt");
        for (int i = 0; i < 10; i++) {
            put(u2, "/pub/files/f_" + i + ".txt", "f" + i);
        }
        // (a) directory filter: 5 PUT + 1 DEL
        List<SseClient.Message> a = stream("user=" + u1.z32() + "&path=/pub/files/").all(WAIT);
        assertThat(a).hasSize(6).allMatch(m -> m.path().startsWith("/pub/files/"));
        // (b) paging with the filter, no duplicates
        List<SseClient.Message> first = stream("user=" + u2.z32() + "&path=/pub/files/&limit=5").all(WAIT);
        assertThat(first).hasSize(5);
        List<SseClient.Message> rest = stream("user=" + u2.z32() + ":" + first.get(4).cursor() + "&path=/pub/files/").all(WAIT);
        assertThat(rest).hasSize(5).doesNotContainAnyElementsOf(first);
        // (c) two users
        assertThat(stream("user=" + u1.z32() + "&user=" + u2.z32() + "&path=/pub/files/").all(WAIT)).hasSize(16);
        // (d) reversed
        List<SseClient.Message> d = stream("user=" + u1.z32() + "&path=/pub/files/&reverse=true&limit=6").all(WAIT);
        assertThat(d.get(0).line()).isEqualTo("DEL pubky://" + u1.z32() + "/pub/files/doc_0.txt");
        assertThat(d.get(5).line()).isEqualTo("PUT pubky://" + u1.z32() + "/pub/files/doc_0.txt");
        // (e) '_' is a literal character
        put(u1, "/pub/my_folder/a.txt", "a");
        put(u1, "/pub/myfolder/b.txt", "b");
        put(u1, "/pub/myXfolder/c.txt", "c");
        assertThat(stream("user=" + u1.z32() + "&path=/pub/my_folder/").all(WAIT)).extracting(SseClient.Message::path)
                .containsExactly("/pub/my_folder/a.txt");
        // file vs directory boundaries
        put(u1, "/pub/app", "file");
        delete(u1, "/pub/app");
        put(u1, "/pub/app/x", "x");
        put(u1, "/pub/app-evil", "e");
        put(u1, "/pub/ap", "p");
        assertThat(stream("user=" + u1.z32() + "&path=/pub/app").all(WAIT)).extracting(SseClient.Message::line)
                .containsExactly("PUT pubky://" + u1.z32() + "/pub/app", "DEL pubky://" + u1.z32() + "/pub/app");
        assertThat(stream("user=" + u1.z32() + "&path=/pub/app/").all(WAIT)).extracting(SseClient.Message::path)
                .containsExactly("/pub/app/x");
        // repeated filters are a union, in id order
        assertThat(stream("user=" + u1.z32() + "&path=/pub/ap&path=/pub/app/").all(WAIT)).extracting(SseClient.Message::path)
                .containsExactly("/pub/app/x", "/pub/ap");
    }

    @Test
    void cursorsArePerUser() {
        Api.User u1 = HS.api().signupGrant(Keypair.random(), "/:rw");
        Api.User u2 = HS.api().signupGrant(Keypair.random(), "/:rw");
        Api.User u3 = HS.api().signupGrant(Keypair.random(), "/:rw");
        for (int i = 0; i < 3; i++) {
            put(u1, "/pub/user1_" + i, "1");
        }
        for (int i = 0; i < 2; i++) {
            put(u2, "/pub/user2_" + i, "2");
        }
        put(u3, "/pub/user3_0", "3");
        String both = "user=" + u1.z32() + "&user=" + u2.z32();
        List<SseClient.Message> all = stream(both).all(WAIT);
        assertThat(all).extracting(SseClient.Message::path)
                .containsExactly("/pub/user1_0", "/pub/user1_1", "/pub/user1_2", "/pub/user2_0", "/pub/user2_1");
        assertThat(stream(both + "&limit=10").all(WAIT)).hasSize(5);
        assertThat(stream("user=" + u1.z32() + "&limit=10").all(WAIT)).hasSize(3);
        List<SseClient.Message> two = stream(both + "&limit=2").all(WAIT);
        assertThat(two).extracting(SseClient.Message::path).containsExactly("/pub/user1_0", "/pub/user1_1");
        List<SseClient.Message> resumed = stream("user=" + u1.z32() + ":" + two.get(1).cursor() + "&user=" + u2.z32()).all(WAIT);
        assertThat(resumed).extracting(SseClient.Message::path).containsExactly("/pub/user1_2", "/pub/user2_0", "/pub/user2_1");
        // a user named twice: the last cursor wins
        assertThat(stream("user=" + u1.z32() + ":" + two.get(1).cursor() + "&user=" + u1.z32()).all(WAIT)).hasSize(3);
        List<SseClient.Message> reversed = stream("user=" + u1.z32() + "&reverse=true&limit=3").all(WAIT);
        assertThat(reversed).extracting(SseClient.Message::path).containsExactly("/pub/user1_2", "/pub/user1_1", "/pub/user1_0");
        // live over two users: history, then a new write of either
        SseClient live = stream(both + "&live=true");
        assertThat(live.next(5, WAIT)).hasSize(5);
        put(u3, "/pub/user3_1", "not followed");
        put(u2, "/pub/user2_new", "n");
        assertThat(live.next(WAIT).path()).isEqualTo("/pub/user2_new");
        live.close();
    }

    @Test
    void eventsWrittenWhileTheHistoryIsReplayedAreNeitherLostNorDuplicated() throws Exception {
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        for (int i = 0; i < 300; i++) {
            put(u, "/pub/h" + i, "h");
        }
        SseClient live = stream("user=" + u.z32() + "&live=1");
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                put(u, "/pub/w" + i, "w");
            }
        });
        writer.start();
        List<SseClient.Message> got = live.next(400, Duration.ofSeconds(20));
        writer.join();
        assertThat(got).extracting(SseClient.Message::cursor).isSorted().doesNotHaveDuplicates();
        assertThat(got.subList(300, 400)).extracting(SseClient.Message::path)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).mapToObj(i -> "/pub/w" + i).toList());
        live.assertNothingFor(Duration.ofMillis(300));
        live.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
