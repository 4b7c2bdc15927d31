package org.pubky.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

final class PublicKeyTest {
    private static final String VECTOR_Z32 = "yg4gxe7z1r7mr6orids9fh95y7gxhdsxjqi6nngsxxtakqaxr5no";
    private static final String VECTOR_HEX = "01b467a3b7913ab27a04a8edf2f3fb074cfe0ecf4babe108d67be3853b0f26c5";

    @Test
    void z32AndBytesAgreeWithTheReferenceVector() {
        PublicKey key = PublicKey.fromZ32(VECTOR_Z32);
        assertThat(HexFormat.of().formatHex(key.bytes())).isEqualTo(VECTOR_HEX);
        assertThat(PublicKey.fromBytes(HexFormat.of().parseHex(VECTOR_HEX)).z32()).isEqualTo(VECTOR_Z32);
        assertThat(key.toString()).isEqualTo(VECTOR_Z32);
        assertThat(key.displayForm()).isEqualTo("pubky" + VECTOR_Z32);
        assertThat(key.uri()).isEqualTo("pk:" + VECTOR_Z32);
    }

    @Test
    void rejectsTheReferenceNonPointKey() {
        // The reference vector also carries set trailing bits (its decoder ignores them), so the
        // strict parse already refuses it; with those bits cleared it is still not a curve point.
        assertThatThrownBy(() -> PublicKey.fromZ32("c1bkg8tfsyy8wcedtmw4fwhdmm7bbzhgg3z58tf43m5ow8w9mbus"))
                .isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PUBLIC_KEY));
        assertThatThrownBy(() -> PublicKey.fromZ32("c1bkg8tfsyy8wcedtmw4fwhdmm7bbzhgg3z58tf43m5ow8w9mbuo"))
                .isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PUBLIC_KEY))
                .hasMessageContaining("not a point");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "yg4gxe7z1r7mr6orids9fh95y7gxhdsxjqi6nngsxxtakqaxr5n",   // 51 chars
            "YG4GXE7Z1R7MR6ORIDS9FH95Y7GXHDSXJQI6NNGSXXTAKQAXR5NO",      // uppercase
            "yg4gxe7z1r7mr6orids9fh95y7gxhdsxjqi6nngsxxtakqaxr5n0",      // '0' not in alphabet
            "yg4gxe7z1r7mr6orids9fh95y7gxhdsxjqi6nngsxxtakqaxr5nb",      // trailing bits set
    })
    void strictParseRefusesNonCanonicalText(String text) {
        assertThatThrownBy(() -> PublicKey.fromZ32(text))
                .isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PUBLIC_KEY));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "pk:" + VECTOR_Z32,
            "pubky://" + VECTOR_Z32 + "/pub/example.com/file",
            "_pubky." + VECTOR_Z32,
            "https://foo@bar." + VECTOR_Z32 + ".:8888?q=v&a=b#foo",
            "https://" + VECTOR_Z32 + "/path?query#fragment",
            "http://" + VECTOR_Z32 + ":8080",
            VECTOR_Z32 + ".",
            "foo." + VECTOR_Z32 + "..",
    })
    void lenientParseFindsTheKeyInUrlAndHostForms(String text) {
        assertThat(PublicKey.parse(text).z32()).isEqualTo(VECTOR_Z32);
    }

    @Test
    void lenientParseMisstripsABareKeyWithAPortLikeTheReference() {
        assertThatThrownBy(() -> PublicKey.parse(VECTOR_Z32 + ":6287")).isInstanceOf(PubkyException.class);
    }

    @Test
    void displayFormIsRefusedOnTheWire() {
        assertThat(PublicKey.isDisplayForm("pubky" + VECTOR_Z32)).isTrue();
        assertThat(PublicKey.isDisplayForm(VECTOR_Z32)).isFalse();
        assertThatThrownBy(() -> PublicKey.parse("pubky" + VECTOR_Z32))
                .isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PUBLIC_KEY));
        assertThatThrownBy(() -> PublicKey.fromZ32("pubky" + VECTOR_Z32)).isInstanceOf(PubkyException.class);
    }

    @Test
    void equalityAndOrderFollowTheBytes() {
        PublicKey a = PublicKey.fromZ32(VECTOR_Z32);
        PublicKey b = PublicKey.parse("pk:" + VECTOR_Z32);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        PublicKey other = Keypair.fromSecret(new byte[32]).publicKey();
        assertThat(a).isNotEqualTo(other);
        assertThat(Integer.signum(a.compareTo(other))).isEqualTo(-Integer.signum(other.compareTo(a)));
    }

    @Test
    void fromBytesRefusesWrongLengths() {
        assertThatThrownBy(() -> PublicKey.fromBytes(new byte[31]))
                .isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PUBLIC_KEY));
    }

    @Test
    void bytesAreDefensivelyCopied() {
        PublicKey key = PublicKey.fromZ32(VECTOR_Z32);
        key.bytes()[0] ^= 1;
        assertThat(HexFormat.of().formatHex(key.bytes())).isEqualTo(VECTOR_HEX);
    }
}
