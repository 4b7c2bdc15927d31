package org.pubky.core.bep44;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pubky.core.keys.Keypair;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

final class MutableItemTest {
    private static final Keypair KEYPAIR = Keypair.fromSecret(new byte[] {
        56, (byte) 171, 62, 85, 105, 58, (byte) 155, (byte) 209, (byte) 189, 8, 59, 109, (byte) 137, 84, 84, (byte) 201,
        (byte) 221, 115, 7, (byte) 228, 127, 70, 4, (byte) 204, (byte) 182, 64, 77, 98, 92, (byte) 215, 27, 103});

    private static MutableItem item(String value, long seq) {
        return MutableItem.sign(KEYPAIR, seq, value.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void signedItemsVerifyAndAlterationsDoNot() {
        MutableItem item = item("hello", 7);
        assertThat(item.verify()).isTrue();
        assertThat(new MutableItem(item.key(), 8, item.value(), item.signature(), null).verify()).isFalse();
        assertThat(new MutableItem(item.key(), 7, "hellp".getBytes(StandardCharsets.US_ASCII), item.signature(), null).verify())
                .isFalse();
        assertThat(new MutableItem(item.key(), 7, item.value(), item.signature(), new byte[0]).verify()).isFalse();
        MutableItem salted = MutableItem.sign(KEYPAIR, 7, item.value(), "s".getBytes(StandardCharsets.US_ASCII));
        assertThat(salted.verify()).isTrue();
        assertThat(salted.target()).isNotEqualTo(item.target());
        // An empty salt is present (as in the Rust mainline crate): different signable, same target.
        MutableItem emptySalt = MutableItem.sign(KEYPAIR, 7, item.value(), new byte[0]);
        assertThat(new String(emptySalt.signable(), StandardCharsets.US_ASCII)).startsWith("4:salt0:3:seqi7e");
        assertThat(emptySalt.target()).isEqualTo(item.target());
    }

    @Test
    void mostRecentIsHigherSeqThenGreaterValue() {
        // The cases of mainline's most_recent_mutable_item_selects_by_seq_then_value.
        MutableItem current = item("current1", 1000);
        assertThat(item("higher-seq", 1001).moreRecentThan(current)).isTrue();
        assertThat(item("lower-seq", 999).moreRecentThan(current)).isFalse();
        assertThat(item("current0", 1000).moreRecentThan(current)).isFalse();
        assertThat(item("current2", 1000).moreRecentThan(current)).isTrue();
        assertThat(current.moreRecentThan(item("current1", 1000))).isFalse();
    }

    @Test
    void sizesAreChecked() {
        byte[] sig = new byte[64];
        assertThatThrownBy(() -> new MutableItem(KEYPAIR.publicKey(), 1, new byte[1001], sig, null))
                .isInstanceOf(PubkyException.class)
                .satisfies(e -> assertThat(((PubkyException) e).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
        assertThatThrownBy(() -> new MutableItem(KEYPAIR.publicKey(), 1, new byte[1], sig, new byte[65]))
                .isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new MutableItem(KEYPAIR.publicKey(), 1, new byte[1], new byte[63], null))
                .isInstanceOf(PubkyException.class);
        assertThat(new MutableItem(KEYPAIR.publicKey(), -5, new byte[1000], sig, new byte[64]).seq()).isEqualTo(-5);
        assertThat(new String(Bep44.signable(-5, new byte[0]), StandardCharsets.US_ASCII)).isEqualTo("3:seqi-5e1:v0:");
    }

    @Test
    void arraysAreCopiedInAndOut() {
        byte[] value = {1, 2, 3};
        MutableItem item = MutableItem.sign(KEYPAIR, 1, value);
        value[0] = 9;
        item.value()[1] = 9;
        assertThat(item.value()).containsExactly(1, 2, 3);
        assertThat(item.verify()).isTrue();
        assertThat(item).isEqualTo(MutableItem.sign(KEYPAIR, 1, new byte[] {1, 2, 3}))
                .hasSameHashCodeAs(MutableItem.sign(KEYPAIR, 1, new byte[] {1, 2, 3}));
    }
}
