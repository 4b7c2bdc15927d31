package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventQuery;
import org.pubky.spi.storage.PutUnit;

/** {@link org.pubky.spi.storage.EventLog#read} and {@code lastCursor}. */
@Timeout(60)
public interface EventLogContract extends MetadataStoreFixture {
    default List<Event> read(Map<String, Long> users, long cursor, List<String> paths, int limit, boolean reverse) {
        return store().events().read(new EventQuery(users, cursor, paths, limit, reverse));
    }

    default List<Event> putEach(String user, String... paths) {
        List<Event> events = new ArrayList<>();
        for (String path : paths) {
            events.add(store().entries().put(unit(user, path, 1, PutUnit.NO_LIMIT, false)).event());
        }
        return events;
    }

    @Test
    default void emptyLogReadsNothing() {
        assertThat(store().events().lastCursor()).isZero();
        assertThat(read(Map.of(), 0, List.of(), 10, false)).isEmpty();
        assertThat(read(Map.of(), 0, List.of(), 10, true)).isEmpty();
        assertThat(read(Map.of(TckData.userKey(), 0L), 0, List.of(), 10, false)).isEmpty();
    }

    @Test
    default void globalCursorIsExclusiveAndLimitHolds() {
        String user = newUser();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(put(user, "/pub/e" + i, i).event());
        }

        assertThat(read(Map.of(), 0, List.of(), 100, false)).isEqualTo(events);
        assertThat(read(Map.of(), events.get(4).cursor(), List.of(), 4, false)).isEqualTo(events.subList(5, 9));
        assertThat(read(Map.of(), events.get(9).cursor(), List.of(), 4, false)).isEmpty();
        assertThat(read(Map.of(), 0, List.of(), 3, false)).isEqualTo(events.subList(0, 3));
        assertThat(store().events().lastCursor()).isEqualTo(events.get(9).cursor());
        assertThat(events).extracting(Event::cursor).isSorted().doesNotHaveDuplicates();
    }

    @Test
    default void reverseReadsNewestFirstBelowTheCursor() {
        String user = newUser();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(put(user, "/pub/r" + i, i).event());
        }
        List<Event> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);

        assertThat(read(Map.of(), 0, List.of(), 100, true)).isEqualTo(reversed);
        assertThat(read(Map.of(), 0, List.of(), 2, true)).isEqualTo(reversed.subList(0, 2));
        assertThat(read(Map.of(), events.get(3).cursor(), List.of(), 100, true)).isEqualTo(reversed.subList(3, 6));
        assertThat(read(Map.of(), events.get(0).cursor(), List.of(), 100, true)).isEmpty();
    }

    @Test
    default void perUserCursorsAreMergedInCursorOrder() {
        String u1 = newUser();
        String u2 = newUser();
        String u3 = newUser();
        Event a0 = put(u1, "/pub/user1_0", 1).event();
        Event b0 = put(u2, "/pub/user2_0", 1).event();
        Event c0 = put(u3, "/pub/user3_0", 1).event();
        Event a1 = put(u1, "/pub/user1_1", 1).event();
        Event b1 = put(u2, "/pub/user2_1", 1).event();
        Event a2 = put(u1, "/pub/user1_2", 1).event();

        assertThat(read(Map.of(u1, 0L), 0, List.of(), 10, false)).containsExactly(a0, a1, a2);
        assertThat(read(Map.of(u1, 0L, u2, 0L), 0, List.of(), 10, false)).containsExactly(a0, b0, a1, b1, a2);
        assertThat(read(Map.of(u1, 0L, u2, 0L), 0, List.of(), 2, false)).containsExactly(a0, b0);
        assertThat(read(Map.of(u1, a1.cursor(), u2, 0L), 0, List.of(), 10, false)).containsExactly(b0, b1, a2);
        assertThat(read(Map.of(u1, a0.cursor(), u2, b1.cursor()), 0, List.of(), 10, false)).containsExactly(a1, a2);
        assertThat(read(Map.of(u1, 0L), 0, List.of(), 3, true)).containsExactly(a2, a1, a0);
        assertThat(read(Map.of(u1, a2.cursor(), u2, 0L), 0, List.of(), 10, true)).containsExactly(b1, a1, b0, a0);
        assertThat(read(Map.of(u1, 0L, u3, 0L), 0, List.of(), 10, true)).containsExactly(a2, a1, c0, a0);
        assertThat(read(Map.of(u1, Long.MAX_VALUE), 0, List.of(), 10, false)).isEmpty();
        assertThat(read(Map.of(TckData.userKey(), 0L), 0, List.of(), 10, false)).isEmpty();
    }

    @Test
    default void pathFiltersMatchExactFilesOrWholeDirectories() {
        String user = newUser();
        List<Event> e = putEach(user, "/pub/a", "/priv/app/x", "/priv/app", "/priv/app-evil/y", "/priv/other/z",
                "/pub/b");

        for (Map<String, Long> users : List.of(Map.<String, Long>of(), Map.of(user, 0L))) {
            assertThat(read(users, 0, List.of("/pub/", "/priv/app/"), 10, false)).containsExactly(e.get(0), e.get(1),
                    e.get(5));
            assertThat(read(users, 0, List.of("/priv/app"), 10, false)).containsExactly(e.get(2));
            assertThat(read(users, 0, List.of("/pub/"), 10, true)).containsExactly(e.get(5), e.get(0));
            assertThat(read(users, 0, List.of("/priv/ap"), 10, false)).isEmpty();
            assertThat(read(users, 0, List.of("/"), 10, false)).isEqualTo(e);
        }
    }

    @Test
    default void pathFiltersAreLiteral() {
        String user = newUser();
        List<Event> e = putEach(user, "/priv/a_b/x", "/priv/axb/y", "/priv/a%/m", "/priv/apct/n", "/pub/my_folder/1",
                "/pub/myfolder/2", "/priv/A_B/z");

        assertThat(read(Map.of(user, 0L), 0, List.of("/priv/a_b/"), 10, false)).containsExactly(e.get(0));
        assertThat(read(Map.of(user, 0L), 0, List.of("/priv/a%/"), 10, false)).containsExactly(e.get(2));
        assertThat(read(Map.of(), 0, List.of("/pub/my_folder/"), 10, false)).containsExactly(e.get(4));
    }

    @Test
    default void filteredPagesAreFull() {
        String user = newUser();
        List<Event> e = putEach(user, "/pub/a", "/priv/x", "/pub/b", "/priv/y", "/pub/c");

        assertThat(read(Map.of(), 0, List.of("/pub/"), 2, false)).containsExactly(e.get(0), e.get(2));
        assertThat(read(Map.of(), e.get(2).cursor(), List.of("/pub/"), 2, false)).containsExactly(e.get(4));
        assertThat(read(Map.of(user, 0L), 0, List.of("/pub/"), 2, true)).containsExactly(e.get(4), e.get(2));
    }

    @Test
    default void eventsOfEveryUserShareOneIncreasingSequence() {
        String a = newUser();
        String b = newUser();
        List<Event> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(put(a, "/pub/x" + i, 1).event());
            expected.add(put(b, "/pub/x" + i, 1).event());
            expected.add(delete(a, "/pub/x" + i).event());
        }

        List<Event> all = allEvents();

        assertThat(all).isEqualTo(expected);
        assertThat(all).extracting(Event::cursor).isSorted().doesNotHaveDuplicates();
        assertThat(store().events().lastCursor()).isEqualTo(expected.get(expected.size() - 1).cursor());
    }

    @Test
    default void failedUnitsWriteNoEvent() {
        String user = newUser();
        put(user, "/pub/file", 1);
        long last = store().events().lastCursor();

        assertThatThrownBy(() -> store().entries().put(unit(user, "/pub/file/below", 1)))
                .isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> store().entries().put(unit(user, "/pub/big", 10, 5, true)))
                .isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> delete(user, "/pub/missing")).isInstanceOf(PubkyException.class);

        assertThat(store().events().lastCursor()).isEqualTo(last);
        assertThat(allEvents()).hasSize(1);
    }
}
