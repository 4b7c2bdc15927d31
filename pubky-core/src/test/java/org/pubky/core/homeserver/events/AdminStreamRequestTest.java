package org.pubky.core.homeserver.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.pubky.core.keys.Keypair;
import org.pubky.core.path.StoragePath;
import org.pubky.spi.ErrorCode;

final class AdminStreamRequestTest {
    private static final String U = Keypair.random().publicKey().z32();

    @Test
    void everythingIsOptional() {
        AdminStreamRequest r = AdminStreamRequest.parse(null);
        assertThat(r.users()).isEmpty();
        assertThat(r.cursor()).isEmpty();
        assertThat(r.limit()).isEmpty();
        assertThat(r.paths()).isEmpty();
        assertThat(r.live() || r.reverse()).isFalse();
    }

    @Test
    void usersAreMergedACursorIsGlobal() {
        AdminStreamRequest r = AdminStreamRequest.parse("user=" + U + "&user=&user=" + U + "&cursor=&cursor=7&limit=3"
                + "&path=priv/&path=&reverse=1");
        assertThat(r.users()).extracting(k -> k.z32()).containsExactly(U);
        assertThat(r.cursor()).isEqualTo(Optional.of("7"));
        assertThat(r.limit()).isEqualTo(OptionalInt.of(3));
        assertThat(r.paths()).extracting(StoragePath::value).containsExactly("/priv/");
        assertThat(r.reverse()).isTrue();
    }

    @Test
    void errors() {
        assertFails(() -> AdminStreamRequest.parse("user=" + U + ":5"), ErrorCode.INVALID_PUBLIC_KEY, "Invalid public key: " + U + ":5");
        assertFails(() -> AdminStreamRequest.parse("limit=abc"), ErrorCode.MALFORMED_INPUT, "Invalid limit: abc");
        assertFails(() -> AdminStreamRequest.parse("limit=0"), ErrorCode.MALFORMED_INPUT, "limit must be at least 1");
        assertFails(() -> AdminStreamRequest.parse("live=true&reverse=true"), ErrorCode.MALFORMED_INPUT,
                "Cannot use live mode with reverse ordering");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            many.append("&user=").append(Keypair.random().publicKey().z32());
        }
        assertFails(() -> AdminStreamRequest.parse(many.substring(1)), ErrorCode.MALFORMED_INPUT, "Too many users. Maximum allowed: 50");
    }
}
