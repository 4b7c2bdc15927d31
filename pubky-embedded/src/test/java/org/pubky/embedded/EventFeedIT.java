package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pubky.core.keys.Keypair;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventQuery;

/** The legacy feed {@code GET /events/} over real HTTP. Each test starts after the log's current end. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class EventFeedIT {
    @RegisterExtension
    static final RunningHomeserver HS = new RunningHomeserver();

    private static long end() {
        return HS.server().homeserver().metadata().events().lastCursor();
    }

    private static void put(Api.User u, String path, String content) {
        assertThat(HS.api().send("PUT", "/storage/" + u.z32() + path, content.getBytes(StandardCharsets.UTF_8), u.auth()).status())
                .isEqualTo(201);
    }

    private static void delete(Api.User u, String path) {
        assertThat(HS.api().send("DELETE", "/storage/" + u.z32() + path, null, u.auth()).status()).isEqualTo(204);
    }

    private static Api.Resp feed(String query) {
        return HS.api().get("/events/?" + query);
    }

    @Test
    void pagesOfTenWithACursorLineAndNoTrailingNewline() {
        long start = end();
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String path = "/pub/a.com/" + (char) ('a' + i) + ".txt";
            put(u, path, "x");
            delete(u, path);
            expected.add("PUT pubky://" + u.z32() + path);
            expected.add("DEL pubky://" + u.z32() + path);
        }
        put(u, "/pub/example.xyz", "y");
        expected.add("PUT pubky://" + u.z32() + "/pub/example.xyz");

        Api.Resp page1 = feed("limit=10&cursor=" + start);
        assertThat(page1.status()).isEqualTo(200);
        assertThat(page1.header("Content-Type")).hasValue("text/plain");
        assertThat(page1.header("Cache-Control")).isEmpty();
        String[] lines1 = page1.text().split("\n", -1);
        assertThat(lines1).hasSize(11);
        assertThat(List.of(lines1).subList(0, 10)).containsExactlyElementsOf(expected.subList(0, 10));
        assertThat(lines1[10]).isEqualTo("cursor: " + (start + 10));
        assertThat(page1.text()).doesNotEndWith("\n");

        Api.Resp page2 = feed("limit=10&cursor=" + (start + 10));
        String[] lines2 = page2.text().split("\n", -1);
        assertThat(List.of(lines2).subList(0, 10)).containsExactlyElementsOf(expected.subList(10, 20));
        assertThat(lines2[10]).isEqualTo("cursor: " + (start + 20));

        assertThat(feed("cursor=" + (start + 20)).text())
                .isEqualTo("PUT pubky://" + u.z32() + "/pub/example.xyz\ncursor: " + (start + 21));
        // after the last event: an empty body, no cursor line
        Api.Resp empty = feed("cursor=" + end());
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.text()).isEmpty();
        // the pubky:// prefix is stripped; the default cursor is 0
        assertThat(feed("limit=10&cursor=pubky://" + start).text()).isEqualTo(page1.text());
        assertThat(HS.api().get("/events/").text()).startsWith("PUT pubky://");
    }

    @Test
    void aWriteIsInTheFeedAndReadableAtOnce() {
        long start = end();
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        put(u, "/pub/a.com/a.txt", "[0]");
        assertThat(feed("cursor=" + start).text())
                .isEqualTo("PUT pubky://" + u.z32() + "/pub/a.com/a.txt\ncursor: " + (start + 1));
        assertThat(HS.api().send("HEAD", "/storage/" + u.z32() + "/pub/a.com/a.txt", null).status()).isEqualTo(200);
        assertThat(HS.api().get("/storage/" + u.z32() + "/pub/a.com/a.txt").text()).isEqualTo("[0]");
    }

    @Test
    void privateEventsNeverAppearAndDoNotShortenPages() {
        long start = end();
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        put(u, "/pub/a", "1");        // start + 1
        put(u, "/priv/x", "2");       // start + 2
        put(u, "/pub/b", "3");        // start + 3
        put(u, "/priv/app/y", "4");   // start + 4
        put(u, "/pub/c", "5");        // start + 5
        String prefix = "PUT pubky://" + u.z32();
        assertThat(feed("cursor=" + start).text())
                .isEqualTo(prefix + "/pub/a\n" + prefix + "/pub/b\n" + prefix + "/pub/c\ncursor: " + (start + 5));
        // the owner's credentials change nothing
        assertThat(HS.api().get("/events/?cursor=" + start, u.auth()).text()).doesNotContain("/priv/");
        assertThat(feed("limit=2&cursor=" + start).text())
                .isEqualTo(prefix + "/pub/a\n" + prefix + "/pub/b\ncursor: " + (start + 3));
        assertThat(feed("limit=2&cursor=" + (start + 3)).text()).isEqualTo(prefix + "/pub/c\ncursor: " + (start + 5));
    }

    @Test
    void cursorsAreExclusiveAndLimitsAreLenient() {
        long start = end();
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        for (int i = 1; i <= 10; i++) {
            put(u, "/pub/" + i, "x");
        }
        assertThat(feed("cursor=" + (start + 5) + "&limit=4").text().split("\n"))
                .containsExactly("PUT pubky://" + u.z32() + "/pub/6", "PUT pubky://" + u.z32() + "/pub/7",
                        "PUT pubky://" + u.z32() + "/pub/8", "PUT pubky://" + u.z32() + "/pub/9", "cursor: " + (start + 9));
        assertThat(feed("cursor=" + start + "&limit=abc").text().split("\n")).hasSize(11); // ignored: default 100
        assertThat(feed("cursor=" + start + "&limit=70000").text().split("\n")).hasSize(11); // not a u16: ignored
        assertThat(feed("cursor=" + start + "&limit=").text().split("\n")).hasSize(11);
        assertThat(feed("cursor=" + start + "&limit=0").text()).isEmpty(); // LIMIT 0, as the reference
        assertThat(feed("cursor=&limit=1").text()).startsWith("PUT").endsWith("cursor: 1");
        assertThat(feed("cursor=" + start + "&limit=3&limit=1").text().split("\n")).hasSize(2); // the last value wins
        assertThat(feed("cursor=" + start + "&reverse=true&shallow=0").status()).isEqualTo(200);
        Api.Resp badFlag = feed("reverse=maybe");
        assertThat(badFlag.status()).isEqualTo(400);
        assertThat(badFlag.text()).isEqualTo("Invalid boolean parameter");
        for (String bad : List.of("abc", "-1", "pubky://x", "0032C29SSF87E", "1.5")) {
            Api.Resp r = feed("cursor=" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.text()).isEqualTo("Invalid cursor");
        }
        assertThat(feed("cursor=99999999999999999999999").status()).isEqualTo(400); // beyond u64
        assertThat(feed("cursor=18446744073709551615").text()).isEmpty();            // u64::MAX: after everything
    }

    @Test
    void aLegacyTimestampCursorNamesTheEventCreatedAtThatTime() {
        long start = end();
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        for (int i = 0; i < 5; i++) {
            put(u, "/pub/t" + i, "t");
        }
        Event third = HS.server().homeserver().metadata().events()
                .read(new EventQuery(Map.of(), start + 2, List.of(), 1, false)).get(0);
        String legacy = Timestamp.of(third.createdAt()).toString();
        assertThat(legacy).hasSize(13);
        Api.Resp byTimestamp = feed("cursor=" + legacy);
        Api.Resp byId = feed("cursor=" + third.cursor());
        assertThat(byTimestamp.status()).isEqualTo(200);
        assertThat(byTimestamp.text()).isEqualTo(byId.text()).startsWith("PUT pubky://" + u.z32() + "/pub/t3\n");
        assertThat(feed("cursor=pubky://" + legacy.toLowerCase()).text()).isEqualTo(byId.text());
        // a timestamp no event was created at is not a cursor
        String never = Timestamp.of(third.createdAt().plusNanos(1000)).toString();
        assertThat(feed("cursor=" + never).status()).isEqualTo(400);
        // the stream takes the legacy form too
        Api.Resp stream = HS.api().get("/events-stream?user=" + u.z32() + ":" + legacy);
        assertThat(stream.text()).contains("/pub/t3").contains("/pub/t4").doesNotContain("/pub/t2");
    }
}
