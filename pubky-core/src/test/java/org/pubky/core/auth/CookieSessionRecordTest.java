package org.pubky.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pubky.core.encoding.PostcardWriter;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capability;
import org.pubky.spi.ErrorCode;

final class CookieSessionRecordTest {
    private static final PublicKey KEY = Keypair.fromSecret(new byte[32]).publicKey();

    @Test
    void roundTripsWithLargeTimestampsAndSeveralCapabilities() {
        CookieSessionRecord record = new CookieSessionRecord(KEY, 1_760_000_000_123_456L, "", "agent/1.0 ü",
                List.of(Capability.parse("/pub/app/:rw"), Capability.parse("/priv/x:r")));
        byte[] bytes = record.encode();
        assertThat(CookieSessionRecord.decode(bytes)).isEqualTo(record);
        assertThat(bytes[0]).isZero();
        assertThat(Arrays.copyOfRange(bytes, 1, 33)).isEqualTo(KEY.bytes());
        CookieSessionRecord max = new CookieSessionRecord(KEY, Long.MAX_VALUE, "n", "", List.of());
        assertThat(CookieSessionRecord.decode(max.encode())).isEqualTo(max);
    }

    @Test
    void decodeErrors() {
        ErrorCode code = ErrorCode.MALFORMED_INPUT;
        byte[] good = new CookieSessionRecord(KEY, 5, "", "", List.of(Capability.root())).encode();
        assertFails(() -> CookieSessionRecord.decode(new byte[0]), code, "Empty payload");
        byte[] v1 = good.clone();
        v1[0] = 1;
        assertFails(() -> CookieSessionRecord.decode(v1), code, "Unknown version");
        byte[] overlongVersion = new byte[] {(byte) 0x80, 0};
        assertFails(() -> CookieSessionRecord.decode(overlongVersion), code, "Unknown version");
        assertFails(() -> CookieSessionRecord.decode(Arrays.copyOf(good, 20)), code,
                "unexpected end of input, expected 32 bytes at offset 1");
        assertFails(() -> CookieSessionRecord.decode(Arrays.copyOf(good, good.length + 1)), code,
                "1 trailing bytes at offset " + good.length);
        byte[] hugeCount = Arrays.copyOf(good, good.length);
        hugeCount[36] = 0x7f;
        assertFails(() -> CookieSessionRecord.decode(hugeCount), code, "length 127 exceeds the maximum of 6 at offset 37");
        byte[] badCap = new PostcardWriter().writeVarU64(0).writeFixed(KEY.bytes()).writeVarU64(0).writeString("")
                .writeString("").writeVarU64(1).writeString("/pub:x").toByteArray();
        assertFails(() -> CookieSessionRecord.decode(badCap), ErrorCode.INVALID_CAPABILITIES, "invalid capability action `x`");
        byte[] bigTime = new PostcardWriter().writeVarU64(0).writeFixed(KEY.bytes()).writeVarU64(-1L).toByteArray();
        assertFails(() -> CookieSessionRecord.decode(bigTime), code, "created_at out of range");
        assertFails(() -> new CookieSessionRecord(KEY, -1, "", "", List.of()), code, "created_at must not be negative");
    }
}
