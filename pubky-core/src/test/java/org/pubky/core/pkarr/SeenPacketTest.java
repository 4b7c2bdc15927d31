package org.pubky.core.pkarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.pubky.core.keys.Keypair;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

final class SeenPacketTest {
    private static final Keypair KEYPAIR = Keypair.fromSecret(new byte[32]);
    private static final long SECOND = 1_000_000L;
    private static final Timestamp NOW = new Timestamp(1_800_000_000L * SECOND);
    private static final SignedPacket PACKET = SignedPacket.builder()
            .txt("short", "a", 400)
            .txt("long", "b", 4000)
            .sign(KEYPAIR, new Timestamp(1_700_000_000_000_000L));

    @Test
    void storageFormIsLastSeenThenCanonicalBytes() {
        SeenPacket seen = new SeenPacket(PACKET, NOW);
        byte[] stored = seen.toStorageBytes();
        assertThat(HexFormat.of().formatHex(stored, 0, 8)).isEqualTo(HexFormat.of().formatHex(NOW.toBytes()));
        assertThat(Arrays.copyOfRange(stored, 8, stored.length)).isEqualTo(PACKET.toBytes());
        assertThat(SeenPacket.fromStorageBytes(stored, NOW)).isEqualTo(seen);
    }

    @Test
    void lastSeenMoreThanAMinuteInTheFutureIsResetToZero() {
        Timestamp soon = new Timestamp(NOW.micros() + 60 * SECOND);
        Timestamp tooLate = new Timestamp(NOW.micros() + 60 * SECOND + 1);
        assertThat(SeenPacket.fromStorageBytes(new SeenPacket(PACKET, soon).toStorageBytes(), NOW).lastSeen()).isEqualTo(soon);
        assertThat(SeenPacket.fromStorageBytes(new SeenPacket(PACKET, tooLate).toStorageBytes(), NOW).lastSeen().micros())
                .isZero();
        byte[] stored = new SeenPacket(PACKET, NOW).toStorageBytes();
        stored[0] = (byte) 0xff;
        assertThat(SeenPacket.fromStorageBytes(stored, NOW).lastSeen().micros()).isZero();
    }

    @Test
    void storageFormIsVerifiedOnLoad() {
        assertThatThrownBy(() -> SeenPacket.fromStorageBytes(new byte[7], NOW))
                .isInstanceOf(PubkyException.class)
                .satisfies(e -> assertThat(((PubkyException) e).code()).isEqualTo(ErrorCode.INVALID_SIGNED_PACKET));
        byte[] stored = new SeenPacket(PACKET, NOW).toStorageBytes();
        stored[stored.length - 1] ^= 1;
        assertThatThrownBy(() -> SeenPacket.fromStorageBytes(stored, NOW)).isInstanceOf(PubkyException.class);
    }

    @Test
    void expiryFollowsTheClampedTtlAndTheElapsedTime() {
        SeenPacket seen = new SeenPacket(PACKET, NOW);
        long min = SignedPacket.DEFAULT_MINIMUM_TTL;
        long max = SignedPacket.DEFAULT_MAXIMUM_TTL;
        assertThat(seen.expiresIn(min, max, NOW)).isEqualTo(400);
        assertThat(seen.expiresIn(min, max, new Timestamp(NOW.micros() + 100 * SECOND + 999_999))).isEqualTo(300);
        assertThat(seen.isExpired(min, max, new Timestamp(NOW.micros() + 399 * SECOND))).isFalse();
        assertThat(seen.isExpired(min, max, new Timestamp(NOW.micros() + 400 * SECOND))).isTrue();
        assertThat(seen.expiresIn(min, max, new Timestamp(NOW.micros() + 10_000 * SECOND))).isZero();
        // A clock behind lastSeen counts as no time elapsed.
        assertThat(seen.elapsedSeconds(new Timestamp(NOW.micros() - 5 * SECOND))).isZero();
    }

    @Test
    void freshRecordsAreThoseWhoseOwnTtlOutlivesTheElapsedTime() {
        SeenPacket seen = new SeenPacket(PACKET, NOW);
        Timestamp later = new Timestamp(NOW.micros() + 500 * SECOND);
        assertThat(seen.freshResourceRecords("short", later)).isEmpty();
        assertThat(seen.freshResourceRecords("long", later)).hasSize(1);
        assertThat(seen.freshResourceRecords("short", NOW)).hasSize(1);
    }

    @Test
    void cacheReplacementRule() {
        SeenPacket cached = new SeenPacket(PACKET, NOW);
        SignedPacket newer = SignedPacket.builder().txt("x", "y", 1).sign(KEYPAIR, new Timestamp(1_700_000_000_000_001L));
        assertThat(cached.shouldReplace(null)).isTrue();
        assertThat(new SeenPacket(newer, new Timestamp(0)).shouldReplace(cached)).isTrue();
        assertThat(cached.shouldReplace(new SeenPacket(newer, NOW))).isFalse();
        assertThat(cached.seenAt(new Timestamp(NOW.micros() + 1)).shouldReplace(cached)).isTrue();
        assertThat(cached.shouldReplace(cached)).isFalse();
        assertThat(cached.shouldReplace(cached.seenAt(new Timestamp(NOW.micros() + 1)))).isFalse();
    }
}
