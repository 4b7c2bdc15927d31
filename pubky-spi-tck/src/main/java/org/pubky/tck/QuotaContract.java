package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.PutOutcome;
import org.pubky.spi.storage.PutUnit;

/**
 * Storage accounting and the quota check inside {@link org.pubky.spi.storage.EntryStore#put}:
 * every file costs {@code length + 256}, and a write fails iff {@code used + delta > max}.
 */
@Timeout(60)
public interface QuotaContract extends MetadataStoreFixture {
    long MIB = 1024 * 1024;

    /** Asserts that the unit fails with QUOTA_EXCEEDED and that nothing changed. */
    default void assertQuotaExceeded(PutUnit unit) {
        StoreSnapshot before = snapshot(unit.user());
        assertThatThrownBy(() -> store().entries().put(unit))
                .isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED))
                .hasMessage("Disk space quota exceeded");
        assertThat(snapshot(unit.user())).isEqualTo(before);
        assertThat(store().entries().isBlobReferenced(unit.blob().id())).isFalse();
    }

    @Test
    default void everyFileCostsItsLengthPlus256() {
        String user = newUser();
        put(user, "/pub/a", 0);
        put(user, "/pub/b", 1);
        put(user, "/pub/c/d", 1000);

        assertThat(usedBytes(user)).isEqualTo(256 + 257 + 1256);
        delete(user, "/pub/b");
        assertThat(usedBytes(user)).isEqualTo(256 + 1256);
        delete(user, "/pub/a");
        delete(user, "/pub/c/d");
        assertThat(usedBytes(user)).isZero();
    }

    @Test
    default void writeUpToExactlyTheLimitIsAllowedAndOneByteMoreIsNot() {
        String user = newUser();
        long max = MIB;

        assertQuotaExceeded(unit(user, "/pub/data", MIB - 256 + 1, max, true));
        store().entries().put(unit(user, "/pub/data", MIB - 256, max, true));

        assertThat(usedBytes(user)).isEqualTo(max);
        assertQuotaExceeded(unit(user, "/pub/more", 0, max, true));
        assertQuotaExceeded(unit(user, "/pub/data", MIB - 256 + 1, max, true));
    }

    @Test
    default void e2eQuotaSequenceOfTheReference() {
        String user = newUser();
        long max = MIB;

        store().entries().put(unit(user, "/pub/data", 600_000, max, true));
        store().entries().put(unit(user, "/pub/data", 600_000, max, true));
        assertThat(usedBytes(user)).isEqualTo(600_256);
        assertQuotaExceeded(unit(user, "/pub/data2", 600_000, max, true));
        assertQuotaExceeded(unit(user, "/pub/data", 1_100_000, max, true));
        assertThat(store().entries().find(user, "/pub/data").orElseThrow().length()).isEqualTo(600_000);
        delete(user, "/pub/data");
        assertQuotaExceeded(unit(user, "/pub/data", 1025 * 1024 - 256, max, true));
        store().entries().put(unit(user, "/pub/data", 1024 * 1024 - 256, max, true));
        assertThat(usedBytes(user)).isEqualTo(max);
    }

    @Test
    default void overwriteIsChargedOnlyTheDifference() {
        String user = newUser();
        long max = 1000;
        store().entries().put(unit(user, "/pub/f", 700, max, true));

        store().entries().put(unit(user, "/pub/f", 744, max, true));
        assertThat(usedBytes(user)).isEqualTo(1000);
        store().entries().put(unit(user, "/pub/f", 744, max, true));
        store().entries().put(unit(user, "/pub/f", 100, max, true));
        assertThat(usedBytes(user)).isEqualTo(356);
    }

    @Test
    default void shrinkingIsAllowedAtTheLimitButNotWhileStillAboveIt() {
        String user = newUser();
        store().entries().put(unit(user, "/pub/f", 744, PutUnit.NO_LIMIT, true));
        assertThat(usedBytes(user)).isEqualTo(1000);

        store().entries().put(unit(user, "/pub/f", 244, 1000, true));
        assertThat(usedBytes(user)).isEqualTo(500);
        store().entries().put(unit(user, "/pub/f", 744, PutUnit.NO_LIMIT, true));
        // the limit was lowered below the usage: a smaller file that still leaves it above fails
        assertQuotaExceeded(unit(user, "/pub/f", 244, 400, true));
        store().entries().put(unit(user, "/pub/f", 144, 400, true));
        assertThat(usedBytes(user)).isEqualTo(400);
    }

    @Test
    default void zeroQuotaRefusesEveryNewFileEvenAnEmptyOne() {
        String user = newUser();

        assertQuotaExceeded(unit(user, "/pub/empty", 0, 0, true));
        assertQuotaExceeded(unit(user, "/pub/one", 1, 0, true));
        assertThat(usedBytes(user)).isZero();
    }

    @Test
    default void noLimitAcceptsAnySize() {
        String user = newUser();
        long huge = 10L * 1024 * MIB;

        PutOutcome outcome = store().entries().put(unit(user, "/pub/huge", huge, PutUnit.NO_LIMIT, true));

        assertThat(outcome.entry().length()).isEqualTo(huge);
        assertThat(usedBytes(user)).isEqualTo(huge + 256);
    }

    @Test
    default void deleteIsAlwaysAllowedAboveTheLimit() {
        String user = newUser();
        put(user, "/pub/a", 5000);
        put(user, "/pub/b", 5000);

        delete(user, "/pub/a");

        assertThat(usedBytes(user)).isEqualTo(5256);
    }

    @Test
    default void quotaIsPerUser() {
        String full = newUser();
        String other = newUser();
        store().entries().put(unit(full, "/pub/f", 744, 1000, true));

        store().entries().put(unit(other, "/pub/f", 744, 1000, true));

        assertThat(usedBytes(full)).isEqualTo(1000);
        assertThat(usedBytes(other)).isEqualTo(1000);
    }
}
