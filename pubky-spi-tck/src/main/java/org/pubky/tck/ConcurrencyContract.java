package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.DeleteOutcome;
import org.pubky.spi.storage.Entry;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventType;
import org.pubky.spi.storage.PutOutcome;

/**
 * Entry units under concurrency: writers on one path and on many paths, colliding writes,
 * competing deletes and the quota check stay consistent (used bytes equal Σ(length + 256), one
 * event per committed unit, cursors unique and increasing in commit order).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public interface ConcurrencyContract extends MetadataStoreFixture {
    int THREADS = 16;

    static void assertFailedWith(Race.Outcome<?> outcome, ErrorCode code) {
        assertThat(outcome.failure()).as("racer %d", outcome.racer())
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    @Tag("slow")
    default void concurrentOverwritesOfOnePathStayConsistent() {
        String user = newUser();
        int perThread = 25;

        List<Race.Outcome<List<PutOutcome>>> outcomes = Race.run(8, racer -> {
            List<PutOutcome> mine = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                mine.add(put(user, "/pub/hot", racer * 1000 + i));
            }
            return mine;
        });

        assertThat(Race.losers(outcomes)).isEmpty();
        List<PutOutcome> all = outcomes.stream().flatMap(o -> o.value().stream()).toList();
        Entry last = store().entries().find(user, "/pub/hot").orElseThrow();
        assertThat(usedBytes(user)).isEqualTo(last.length() + 256);
        // every blob but the final one was replaced exactly once; only the first write replaced nothing
        List<String> replaced = all.stream().flatMap(o -> o.replaced().stream()).map(Entry::blobId).toList();
        Set<String> written = new HashSet<>(all.stream().map(o -> o.entry().blobId()).toList());
        assertThat(replaced).doesNotHaveDuplicates().hasSize(all.size() - 1).doesNotContain(last.blobId());
        Set<String> accounted = new HashSet<>(replaced);
        accounted.add(last.blobId());
        assertThat(accounted).isEqualTo(written);
        List<Event> events = allEvents();
        assertThat(events).hasSize(all.size()).extracting(Event::cursor).isSorted().doesNotHaveDuplicates();
        assertThat(events.get(events.size() - 1).contentHash()).hasValueSatisfying(
                h -> assertThat(h).isEqualTo(last.contentHash()));
        assertThat(all.stream().map(o -> o.event().cursor()).toList()).containsExactlyInAnyOrderElementsOf(
                events.stream().map(Event::cursor).toList());
        assertThat(all.stream().filter(o -> o.replaced().isEmpty()).toList()).hasSize(1);
    }

    @Test
    @Tag("slow")
    default void concurrentWritersOnManyPathsStayConsistent() {
        String a = newUser();
        String b = newUser();

        List<Race.Outcome<Integer>> outcomes = Race.run(8, racer -> {
            String user = racer % 2 == 0 ? a : b;
            int units = 0;
            long previousCursor = 0;
            for (int i = 0; i < 60; i++) {
                String path = "/pub/t" + racer + "/f" + (i % 20);
                long cursor;
                if (i % 7 == 6 && store().entries().find(user, path).isPresent()) {
                    cursor = delete(user, path).event().cursor();
                } else {
                    cursor = put(user, path, i * 10 + racer).event().cursor();
                }
                assertThat(cursor).as("cursors of one thread follow its commit order").isGreaterThan(previousCursor);
                previousCursor = cursor;
                units++;
            }
            return units;
        });

        assertThat(Race.losers(outcomes)).isEmpty();
        int units = outcomes.stream().mapToInt(Race.Outcome::value).sum();
        for (String user : List.of(a, b)) {
            long sum = 0;
            for (String path : listAll(user, "/", false, false)) {
                sum += store().entries().find(user, path).orElseThrow().accountedBytes();
            }
            assertThat(usedBytes(user)).isEqualTo(sum);
        }
        List<Event> events = allEvents();
        assertThat(events).hasSize(units).extracting(Event::cursor).isSorted().doesNotHaveDuplicates();
        assertThat(store().events().lastCursor()).isEqualTo(events.get(events.size() - 1).cursor());
    }

    @Test
    default void ofTwoCollidingPutsExactlyOneSucceeds() {
        String user = newUser();
        for (int round = 0; round < 25; round++) {
            String file = "/pub/r" + round + "/foo";
            List<String> paths = List.of(file, file + "/bar.json");
            long used = usedBytes(user);

            List<Race.Outcome<PutOutcome>> outcomes = Race.run(2, racer -> put(user, paths.get(racer), 10));

            List<Race.Outcome<PutOutcome>> winners = Race.winners(outcomes);
            assertThat(winners).as("round %d", round).hasSize(1);
            assertFailedWith(Race.losers(outcomes).get(0), ErrorCode.CONFLICT);
            assertThat(listAll(user, "/pub/r" + round + "/", false, false)).containsExactly(
                    winners.get(0).value().entry().path());
            assertThat(usedBytes(user)).isEqualTo(used + 10 + 256);
        }
        assertThat(allEvents()).hasSize(25);
    }

    @Test
    default void ofConcurrentDeletesOfOnePathExactlyOneSucceeds() {
        String user = newUser();
        put(user, "/pub/keep", 1);
        for (int round = 0; round < 10; round++) {
            String path = "/pub/gone" + round;
            put(user, path, 100);
            long used = usedBytes(user);
            int eventsBefore = allEvents().size();

            List<Race.Outcome<DeleteOutcome>> outcomes = Race.run(THREADS, racer -> delete(user, path));

            assertThat(Race.winners(outcomes)).as("round %d", round).hasSize(1);
            Race.losers(outcomes).forEach(o -> assertFailedWith(o, ErrorCode.NOT_FOUND));
            assertThat(usedBytes(user)).isEqualTo(used - 356);
            List<Event> events = allEvents();
            assertThat(events).hasSize(eventsBefore + 1);
            assertThat(events.get(events.size() - 1).type()).isEqualTo(EventType.DEL);
        }
        assertThat(listAll(user, "/", false, false)).containsExactly("/pub/keep");
        assertThat(usedBytes(user)).isEqualTo(257);
    }

    @Test
    default void quotaHoldsUnderConcurrentWrites() {
        String user = newUser();
        long max = 10 * (100 + 256);

        List<Race.Outcome<Integer>> outcomes = Race.run(THREADS, racer -> {
            int stored = 0;
            for (int i = 0; i < 2; i++) {
                try {
                    store().entries().put(unit(user, "/pub/q" + racer + "-" + i, 100, max, true));
                    stored++;
                } catch (PubkyException e) {
                    if (e.code() != ErrorCode.QUOTA_EXCEEDED) {
                        throw e;
                    }
                }
            }
            return stored;
        });

        assertThat(Race.losers(outcomes)).isEmpty();
        assertThat(outcomes.stream().mapToInt(Race.Outcome::value).sum()).isEqualTo(10);
        assertThat(usedBytes(user)).isEqualTo(max);
        assertThat(listAll(user, "/pub/", false, false)).hasSize(10);
        assertThat(allEvents()).hasSize(10);
    }

    @Test
    default void listingsStaySortedWhileOthersWrite() {
        String user = newUser();
        for (int i = 0; i < 200; i++) {
            put(user, "/pub/l/" + i, 1);
        }

        List<Race.Outcome<Integer>> outcomes = Race.run(4, racer -> {
            int checked = 0;
            for (int i = 0; i < 100; i++) {
                if (racer < 2) {
                    put(user, "/pub/l/w" + racer + "-" + i, 1);
                    put(user, "/pub/l/d" + racer + "/" + i, 1);
                } else {
                    boolean reverse = racer == 3;
                    List<String> page = list(user, "/pub/l/", i % 2 == 0, reverse, Optional.empty(), 50);
                    List<String> sorted = new ArrayList<>(page);
                    sorted.sort(reverse ? TckData.UTF8_ORDER.reversed() : TckData.UTF8_ORDER);
                    assertThat(page).hasSize(50).isEqualTo(sorted).doesNotHaveDuplicates();
                    checked++;
                }
            }
            return checked;
        });

        assertThat(Race.losers(outcomes)).isEmpty();
        assertThat(listAll(user, "/pub/l/", false, false)).hasSize(600);
    }
}
