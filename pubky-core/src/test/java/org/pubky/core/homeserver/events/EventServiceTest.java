package org.pubky.core.homeserver.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.homeserver.auth.AuthSession;
import org.pubky.core.homeserver.auth.Credentials;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capabilities;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.storage.CookieSession;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventQuery;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
final class EventServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final EventStore store = new EventStore();
    private EventService service = service(EventStreamSettings.defaults());

    private EventService service(EventStreamSettings settings) {
        return new EventService(store, store.credentials(), settings);
    }

    @AfterEach
    void close() {
        service.close();
        store.close();
    }

    private List<String> messages(long afterCursor) {
        return store.events().read(new EventQuery(Map.of(), afterCursor, List.of(), 1000, false)).stream()
                .map(EventText::message).toList();
    }

    private static String msg(Event e) {
        return EventText.message(e);
    }

    private RecordingSink open(String query) {
        RecordingSink sink = new RecordingSink();
        service.start(service.prepare(StreamRequest.parse(query), Credentials.none()), sink);
        return sink;
    }

    private RecordingSink openAdmin(String query) {
        RecordingSink sink = new RecordingSink();
        service.start(service.prepareAdmin(AdminStreamRequest.parse(query)), sink);
        return sink;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Thread.getAllStackTraces().forEach((t, st) -> {
                    if (t.getName().startsWith("pubky-events")) {
                        System.err.println("THREAD " + t.getName() + " " + t.getState());
                        for (StackTraceElement e : st) {
                            System.err.println("    " + e);
                        }
                    }
                });
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(5);
        }
    }

    private static List<String> paths(List<String> messages) {
        return messages.stream().map(m -> m.substring(m.indexOf("pubky://") + 8 + 52, m.indexOf("\ndata: cursor"))).toList();
    }

    @Test
    void feedPagesArePublicOnlyAndFull() {
        String u = store.newUser();
        long a = store.put(u, "/pub/a");
        store.put(u, "/priv/x");
        long b = store.put(u, "/pub/b");
        store.put(u, "/public/evil");
        store.put(u, "/pub");
        store.put(u, "/priv/y");
        long c = store.put(u, "/pub/c");
        assertThat(service.feed(new FeedRequest("0", 100))).extracting(Event::cursor).containsExactly(a, b, c);
        assertThat(service.feed(new FeedRequest("0", 2))).extracting(Event::cursor).containsExactly(a, b);
        assertThat(service.feed(new FeedRequest(Long.toString(b), 2))).extracting(Event::cursor).containsExactly(c);
        assertThat(service.feed(new FeedRequest("0", 0))).isEmpty();
        assertFails(() -> service.feed(new FeedRequest("x", 10)), ErrorCode.MALFORMED_INPUT, "Invalid cursor");
    }

    @Test
    void historyIsReadInBatchesOfAHundredThenTheBatchStreamEnds() throws Exception {
        String u = store.newUser();
        for (int i = 0; i < 250; i++) {
            store.put(u, "/pub/f" + i);
        }
        store.reads.set(0);
        RecordingSink sink = open("user=" + u);
        assertThat(sink.awaitClosed(WAIT)).isTrue();
        assertThat(store.reads.get()).isEqualTo(3); // 100 + 100 + 50 (short: caught up)
        assertThat(sink.drain()).containsExactlyElementsOf(messages(0));
        assertThat(sink.violation).isNull();
        assertThat(service.openStreams()).isZero();
    }

    @Test
    void filterUnionsBoundariesAndLiteralWildcards() throws Exception {
        String u = store.newUser();
        for (String path : List.of("/pub/a", "/priv/app/x", "/priv/app", "/priv/app-evil/y", "/priv/other/z", "/pub/b",
                "/priv/a_b/x", "/priv/axb/y", "/priv/a%/m", "/priv/apct/n")) {
            store.put(u, path);
        }
        assertThat(paths(drain(openAdmin("path=/pub/&path=/priv/app/")))).containsExactly("/pub/a", "/priv/app/x", "/pub/b");
        assertThat(paths(drain(openAdmin("path=/priv/app")))).containsExactly("/priv/app");
        assertThat(paths(drain(openAdmin("path=/pub/&reverse=true")))).containsExactly("/pub/b", "/pub/a");
        assertThat(paths(drain(openAdmin("path=/priv/a_b/")))).containsExactly("/priv/a_b/x");
        assertThat(paths(drain(openAdmin("path=/priv/a%25/")))).containsExactly("/priv/a%/m");
        // the client stream's default filter: public events of the users asked for
        String v = store.newUser();
        store.put(v, "/pub/x");
        store.put(v, "/priv/secret");
        assertThat(paths(drain(open("user=" + u + "&user=" + v)))).containsExactly("/pub/a", "/pub/b", "/pub/x");
    }

    private static List<String> drain(RecordingSink sink) throws InterruptedException {
        assertThat(sink.awaitClosed(WAIT)).isTrue();
        return sink.drain();
    }

    @Test
    void reversedExplicitCursorZeroMeansNothingOlder() throws Exception {
        String u = store.newUser();
        String v = store.newUser();
        store.put(u, "/pub/u");
        store.put(v, "/pub/v");
        assertThat(drain(open("user=" + u + ":0&reverse=true"))).isEmpty();
        assertThat(paths(drain(open("user=" + u + ":0&user=" + v + "&reverse=true")))).containsExactly("/pub/v");
        assertThat(paths(drain(open("user=" + u + "&user=" + v + "&reverse=true")))).containsExactly("/pub/v", "/pub/u");
        assertThat(drain(openAdmin("cursor=0&reverse=1"))).isEmpty();
        assertThat(drain(openAdmin("reverse=1"))).hasSize(2);
    }

    @Test
    void preparationChecksUsersAndCursorsInRequestOrder() {
        String u = store.newUser();
        String unknown = org.pubky.core.keys.Keypair.random().publicKey().z32();
        assertFails(() -> service.prepare(StreamRequest.parse("user=" + u + ":abc&user=" + unknown), Credentials.none()),
                ErrorCode.MALFORMED_INPUT, "Invalid cursor: abc");
        assertFails(() -> service.prepare(StreamRequest.parse("user=" + unknown + "&user=" + u + ":abc"), Credentials.none()),
                ErrorCode.NOT_FOUND, "Not Found");
        // authorization comes before the user lookup
        assertFails(() -> service.prepare(StreamRequest.parse("user=" + unknown + "&path=/priv/"), Credentials.none()),
                ErrorCode.UNAUTHORIZED, "Authentication required to read private storage");
        assertFails(() -> service.prepareAdmin(AdminStreamRequest.parse("user=" + unknown)), ErrorCode.NOT_FOUND, "Not Found");
        assertFails(() -> service.prepareAdmin(AdminStreamRequest.parse("cursor=-1")), ErrorCode.MALFORMED_INPUT, "Invalid cursor");
    }

    @Test
    void liveStreamsGetNewEventsAndTheLimitEndsThem() throws Exception {
        String u = store.newUser();
        store.put(u, "/pub/old");
        RecordingSink limited = open("user=" + u + "&live=true&limit=3");
        RecordingSink open = open("user=" + u + "&live=true");
        assertThat(limited.next(WAIT)).contains("/pub/old");
        assertThat(open.next(WAIT)).contains("/pub/old");
        await(() -> service.fanout().size() == 2);
        long n1 = store.put(u, "/pub/n1");
        long n2 = store.delete(u, "/pub/n1");
        store.put(u, "/pub/n3");
        List<String> live = open.next(3, WAIT);
        assertThat(live).containsExactlyElementsOf(messages(n1 - 1));
        assertThat(live.get(0)).contains("cursor: " + n1).contains("event: PUT").contains("content_hash: ");
        assertThat(live.get(1)).isEqualTo("event: DEL\ndata: pubky://" + u + "/pub/n1\ndata: cursor: " + n2 + "\n\n");
        assertThat(limited.next(2, WAIT)).containsExactlyElementsOf(live.subList(0, 2));
        assertThat(limited.awaitClosed(WAIT)).isTrue();
        assertThat(limited.drain()).isEmpty();
        assertThat(open.isClosed()).isFalse();
        await(() -> service.fanout().size() == 1);
    }

    @Test
    void oneStoreReadPerWriteHowEverManyStreamsListen() throws Exception {
        String u = store.newUser();
        List<RecordingSink> sinks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sinks.add(open("user=" + u + "&live=1"));
        }
        await(() -> service.fanout().size() == 300);
        store.reads.set(0);
        for (int i = 0; i < 10; i++) {
            store.put(u, "/pub/w" + i);
            int index = i;
            for (RecordingSink sink : sinks) {
                assertThat(sink.next(WAIT)).contains("/pub/w" + index);
            }
        }
        // each write woke the fan-out once; the timer's poll may add a read or two
        assertThat(store.reads.get()).isBetween(10, 14);
        assertThat(sinks).allMatch(s -> s.violation == null);
    }

    @Test
    void streamsJoiningWhileWritersRunMissNothingAndRepeatNothing() throws Exception {
        String u = store.newUser();
        for (int i = 0; i < 150; i++) {
            store.put(u, "/pub/h" + i);
        }
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int id = w;
            writers.add(new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    store.put(u, "/pub/w" + id + "_" + i);
                }
            }));
        }
        writers.forEach(Thread::start);
        List<RecordingSink> sinks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sinks.add(open("user=" + u + "&live=true"));
            Thread.sleep(3);
        }
        for (Thread t : writers) {
            t.join();
        }
        List<String> all = messages(0);
        assertThat(all).hasSize(750);
        for (RecordingSink sink : sinks) {
            assertThat(sink.next(750, WAIT)).containsExactlyElementsOf(all);
            assertThat(sink.violation).isNull();
        }
        Thread.sleep(100);
        assertThat(sinks).allMatch(s -> s.drain().isEmpty());
    }

    @Test
    void idleStreamsGetKeepAlives() throws Exception {
        service.close();
        service = service(EventStreamSettings.defaults().withKeepAlive(Duration.ofMillis(100)));
        String u = store.newUser();
        RecordingSink sink = open("user=" + u + "&live=true");
        await(() -> sink.keepAlives.get() >= 3);
        assertThat(sink.violation).isNull();
    }

    @Test
    void aStreamTooFarBehindIsClosed() throws Exception {
        service.close();
        service = service(EventStreamSettings.defaults().withMaxPending(5));
        String u = store.newUser();
        CountDownLatch gate = new CountDownLatch(1);
        RecordingSink slow = new RecordingSink(gate);
        service.start(service.prepare(StreamRequest.parse("user=" + u + "&live=true"), Credentials.none()), slow);
        RecordingSink fast = open("user=" + u + "&live=true");
        await(() -> service.fanout().size() == 2);
        store.put(u, "/pub/first");
        await(() -> slow.sends.get() == 1); // its worker is stuck sending to a client that does not read
        assertThat(fast.next(WAIT)).contains("/pub/first");
        for (int i = 0; i < 10; i++) {
            store.put(u, "/pub/more" + i); // one fan-out delivery each
            assertThat(fast.next(WAIT)).contains("/pub/more" + i);
        }
        await(() -> service.fanout().size() == 1);
        gate.countDown();
        assertThat(slow.awaitClosed(WAIT)).isTrue();
        assertThat(slow.sends.get()).isEqualTo(1);
        assertThat(slow.violation).isNull();
    }

    @Test
    void privateStreamsCloseSoonAfterTheirCredentialGoesPublicOnesStay() throws Exception {
        service.close();
        service = service(new EventStreamSettings(Duration.ofSeconds(15), Duration.ofMillis(200), Duration.ofSeconds(1),
                1000, 4));
        String u = store.newUser();
        store.sessions().create(new CookieSession("session-1", u, "/:rw", Instant.now()));
        store.sessions().create(new CookieSession("session-2", u, "/:rw", Instant.now()));
        AuthSession one = new AuthSession(PublicKey.fromZ32(u), Capabilities.root(), AuthSession.Kind.COOKIE, "session-1");
        AuthSession two = new AuthSession(PublicKey.fromZ32(u), Capabilities.root(), AuthSession.Kind.COOKIE, "session-2");
        List<String> priv = List.of("/priv/");
        RecordingSink a = new RecordingSink();
        RecordingSink b = new RecordingSink();
        RecordingSink c = new RecordingSink();
        service.start(privatePlan(u, priv, one), a);
        service.start(privatePlan(u, priv, one), b); // the same credential: checked once per round
        service.start(privatePlan(u, priv, two), c);
        RecordingSink pub = open("user=" + u + "&live=true");
        await(() -> service.fanout().size() == 4);
        store.put(u, "/priv/before");
        assertThat(a.next(WAIT)).contains("/priv/before");
        long signedOut = System.nanoTime();
        store.sessions().delete("session-1");
        assertThat(a.awaitClosed(WAIT)).isTrue();
        assertThat(b.awaitClosed(WAIT)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - signedOut)).isLessThan(Duration.ofSeconds(2));
        store.put(u, "/priv/after");
        store.put(u, "/pub/after");
        assertThat(c.next(2, WAIT).get(1)).contains("/priv/after");
        assertThat(pub.next(WAIT)).contains("/pub/after");
        assertThat(a.drain()).noneMatch(m -> m.contains("after"));
        assertThat(pub.isClosed() || c.isClosed()).isFalse();
    }

    private static PreparedStream privatePlan(String user, List<String> paths, AuthSession session) {
        java.util.LinkedHashMap<String, Long> cursors = new java.util.LinkedHashMap<>();
        cursors.put(user, null);
        return new PreparedStream(EventSelection.perUser(cursors, paths, false), Optional.of(session), true,
                java.util.OptionalInt.empty());
    }

    @Test
    void closingTheServiceEndsEveryStream() throws Exception {
        String u = store.newUser();
        RecordingSink live = open("user=" + u + "&live=true");
        RecordingSink admin = openAdmin("live=true");
        await(() -> service.fanout().size() == 2);
        service.close();
        assertThat(live.isClosed() && admin.isClosed()).isTrue();
        RecordingSink late = new RecordingSink();
        service.start(service.prepare(StreamRequest.parse("user=" + u), Credentials.none()), late);
        assertThat(late.awaitClosed(WAIT)).isTrue();
        assertThat(late.sends.get()).isZero();
    }

    @Test
    void anotherInstanceOnTheSameStoreSeesEveryWrite() throws Exception {
        // two homeservers sharing one store: a write through either reaches live streams on both
        try (EventService other = service(EventStreamSettings.defaults())) {
            String u = store.newUser();
            RecordingSink here = open("user=" + u + "&live=true");
            RecordingSink there = new RecordingSink();
            other.start(other.prepare(StreamRequest.parse("user=" + u + "&live=true"), Credentials.none()), there);
            await(() -> service.fanout().size() == 1 && other.fanout().size() == 1);
            long id = store.put(u, "/pub/shared");
            assertThat(here.next(WAIT)).contains("cursor: " + id);
            assertThat(there.next(WAIT)).contains("cursor: " + id);
        }
    }

    @Test
    void lostNotificationsAreCoveredByPolling() throws Exception {
        store.silent = true;
        String u = store.newUser();
        RecordingSink sink = open("user=" + u + "&live=true");
        await(() -> service.fanout().size() == 1);
        long start = System.nanoTime();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(store.put(u, "/pub/quiet" + i));
        }
        List<String> got = sink.next(150, WAIT);
        assertThat(got).containsExactlyElementsOf(messages(ids.get(0) - 1)); // all, once, in id order
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3)); // poll: 1 s
    }
}
