package org.pubky.core.homeserver.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pubky.core.testing.Failures;
import org.pubky.core.testing.RandomText;
import org.pubky.core.time.Timestamp;

final class EventCursorsTest {
    private final EventStore store = new EventStore();
    private final EventCursors cursors = new EventCursors(store.events());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void decimalIds() {
        assertThat(cursors.resolve("0")).hasValue(0);
        assertThat(cursors.resolve("42")).hasValue(42);
        assertThat(cursors.resolve("+42")).hasValue(42);
        assertThat(cursors.resolve("007")).hasValue(7);
        assertThat(cursors.resolve("9223372036854775807")).hasValue(Long.MAX_VALUE);
        assertThat(cursors.resolve("18446744073709551615")).hasValue(Long.MAX_VALUE); // u64::MAX, clamped
        for (String bad : new String[] {"", "-1", "+", "1.0", " 1", "18446744073709551616", "abc", "pubky://1"}) {
            assertThat(cursors.resolve(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void legacyTimestampsNameTheEventCreatedInThatMicrosecond() {
        String user = store.newUser();
        Instant base = Instant.parse("2025-03-01T12:00:00Z");
        List<Long> ids = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant at = base.plusMillis(1000L * i).plusNanos(123_456_789); // sub-microsecond digits are ignored
            times.add(at);
            ids.add(store.put(user, "/pub/f" + i, at));
        }
        for (int i : new int[] {0, 1, 57, 150, 298, 299}) {
            store.reads.set(0);
            assertThat(cursors.resolve(Timestamp.of(times.get(i)).toString())).as("event %d", i).hasValue(ids.get(i));
            assertThat(store.reads.get()).as("reads for one lookup").isLessThanOrEqualTo(64 + 2);
        }
        // case-insensitive, as Crockford base 32 is
        assertThat(cursors.resolve(Timestamp.of(times.get(3)).toString().toLowerCase())).hasValue(ids.get(3));
        // no event at that microsecond, or before/after all events
        assertThat(cursors.resolve(Timestamp.of(times.get(3).plusNanos(1000)).toString())).isEmpty();
        assertThat(cursors.resolve(Timestamp.of(base.minusSeconds(10)).toString())).isEmpty();
        assertThat(cursors.resolve(Timestamp.of(base.plusSeconds(100_000)).toString())).isEmpty();
    }

    @Test
    void legacyLookupToleratesAClockThatSteppedBackAndPicksTheLowestIdOfATie() {
        String user = store.newUser();
        Instant base = Instant.parse("2025-03-01T12:00:00Z");
        long a = store.put(user, "/pub/a", base.plusSeconds(10));
        long b = store.put(user, "/pub/b", base.plusSeconds(5)); // the clock stepped back
        long c = store.put(user, "/pub/c", base.plusSeconds(20));
        long d = store.put(user, "/pub/d", base.plusSeconds(20)); // same microsecond as c
        assertThat(cursors.createdAt(Timestamp.of(base.plusSeconds(10)).micros())).hasValue(a);
        assertThat(cursors.createdAt(Timestamp.of(base.plusSeconds(5)).micros())).hasValue(b);
        assertThat(cursors.createdAt(Timestamp.of(base.plusSeconds(20)).micros())).hasValue(c);
        assertThat(d).isGreaterThan(c);
    }

    @Test
    void emptyLogHasNoLegacyCursor() {
        assertThat(cursors.resolve("0032C29SSF87E")).isEqualTo(OptionalLong.empty());
    }

    @Test
    void hostileTextNeverThrows() {
        Random random = new Random(3);
        for (int i = 0; i < 3000; i++) {
            String text = random.nextBoolean() ? RandomText.next(random, 8) : RandomText.mutate(random, "0032C29SSF87E");
            assertThat(Failures.onlyPubkyException(() -> cursors.resolve(text), text)).isTrue();
        }
    }
}
