package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.UserRecord;
import org.pubky.spi.storage.UserStats;

/** {@link org.pubky.spi.storage.UserStore}: creation, flags, limits, listing and counters. */
@Timeout(60)
public interface UserContract extends MetadataStoreFixture {
    /** Every field set, including the distinction between "no write paths" and "default". */
    QuotaOverrides FULL_QUOTA = new QuotaOverrides(OptionalLong.of(1024), Optional.of("200mb/m"),
            Optional.of("10mb/s"), OptionalInt.of(3), OptionalInt.of(7),
            Optional.of(List.of("/pub/tokens/", "/pub/paykit/", "/pub/ünïcödé/file")));

    @Test
    default void createdUserIsFoundWithDefaults() {
        String user = TckData.userKey();
        UserRecord created = store().users().create(user, clock().instant(), Optional.empty());

        UserRecord expected = new UserRecord(user, false, 0, clock().instant(), QuotaOverrides.NONE);
        assertThat(created).isEqualTo(expected);
        assertThat(store().users().find(user)).contains(expected);
    }

    @Test
    default void unknownUserIsNotFound() {
        assertThat(store().users().find(TckData.userKey())).isEmpty();
    }

    @Test
    default void creatingAnExistingUserConflicts() {
        String user = newUser();
        UserRecord before = store().users().find(user).orElseThrow();

        assertThatThrownBy(() -> store().users().create(user, later(5), Optional.empty()))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("User already exists");
        assertThat(store().users().find(user)).contains(before);
    }

    @Test
    default void disabledFlagIsSetIdempotently() {
        String user = newUser();

        assertThat(store().users().setDisabled(user, true).disabled()).isTrue();
        assertThat(store().users().setDisabled(user, true).disabled()).isTrue();
        assertThat(store().users().find(user).orElseThrow().disabled()).isTrue();
        assertThat(store().users().setDisabled(user, false).disabled()).isFalse();
        assertThat(store().users().find(user).orElseThrow().disabled()).isFalse();
    }

    @Test
    default void flagsAndLimitsOfUnknownUsersAreNotFound() {
        String unknown = TckData.userKey();

        assertThatThrownBy(() -> store().users().setDisabled(unknown, true))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> store().users().setQuota(unknown, FULL_QUOTA))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(store().users().find(unknown)).isEmpty();
    }

    @Test
    default void quotaRoundTripsEveryField() {
        String user = newUser();

        UserRecord updated = store().users().setQuota(user, FULL_QUOTA);

        assertThat(updated.quota()).isEqualTo(FULL_QUOTA);
        assertThat(store().users().find(user).orElseThrow().quota()).isEqualTo(FULL_QUOTA);
    }

    @Test
    default void quotaKeepsEmptyWritePathsApartFromDefaultAndUnlimitedApartFromZero() {
        String readOnly = newUser();
        String unlimited = newUser();
        String zero = newUser();
        QuotaOverrides noPaths = new QuotaOverrides(OptionalLong.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.of(List.of()));
        QuotaOverrides noLimit = new QuotaOverrides(OptionalLong.of(QuotaOverrides.UNLIMITED), Optional.of("unlimited"),
                Optional.empty(), OptionalInt.of(0), OptionalInt.empty(), Optional.empty());
        QuotaOverrides nothing = new QuotaOverrides(OptionalLong.of(0), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty());

        store().users().setQuota(readOnly, noPaths);
        store().users().setQuota(unlimited, noLimit);
        store().users().setQuota(zero, nothing);

        assertThat(store().users().find(readOnly).orElseThrow().quota()).isEqualTo(noPaths);
        assertThat(store().users().find(unlimited).orElseThrow().quota()).isEqualTo(noLimit);
        assertThat(store().users().find(zero).orElseThrow().quota()).isEqualTo(nothing);
        store().users().setQuota(readOnly, QuotaOverrides.NONE);
        assertThat(store().users().find(readOnly).orElseThrow().quota()).isEqualTo(QuotaOverrides.NONE);
    }

    @Test
    default void usersAreListedInKeyOrderAfterTheExclusiveCursor() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            users.add(newUser());
        }
        users.sort(Comparator.naturalOrder());

        assertThat(store().users().list(Optional.empty(), 100)).extracting(UserRecord::user).isEqualTo(users);
        assertThat(store().users().list(Optional.empty(), 3)).extracting(UserRecord::user)
                .isEqualTo(users.subList(0, 3));
        assertThat(store().users().list(Optional.of(users.get(9)), 4)).extracting(UserRecord::user)
                .isEqualTo(users.subList(10, 14));
        assertThat(store().users().list(Optional.of(users.get(24)), 4)).isEmpty();
        String absent = TckData.userKey();
        List<String> withAbsent = new ArrayList<>(users);
        withAbsent.add(absent);
        withAbsent.sort(Comparator.naturalOrder());
        int next = withAbsent.indexOf(absent) + 1;
        assertThat(store().users().list(Optional.of(absent), 2)).extracting(UserRecord::user)
                .isEqualTo(withAbsent.subList(next, Math.min(next + 2, withAbsent.size())));
        List<String> paged = new ArrayList<>();
        Optional<String> after = Optional.empty();
        List<UserRecord> page;
        do {
            page = store().users().list(after, 7);
            page.forEach(u -> paged.add(u.user()));
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).user());
        } while (page.size() == 7);
        assertThat(paged).isEqualTo(users);
    }

    @Test
    default void statsCountUsersDisabledUsersAndUsedBytes() {
        assertThat(store().users().stats()).isEqualTo(new UserStats(0, 0, 0));
        String a = newUser();
        String b = newUser();
        newUser();
        store().users().setDisabled(b, true);
        put(a, "/pub/a", 100);
        put(b, "/pub/b", 1);

        assertThat(store().users().stats()).isEqualTo(new UserStats(3, 1, 100 + 256 + 1 + 256));
    }
}
