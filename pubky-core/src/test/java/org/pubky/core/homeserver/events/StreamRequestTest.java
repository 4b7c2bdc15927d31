package org.pubky.core.homeserver.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pubky.core.keys.Keypair;
import org.pubky.core.path.StoragePath;
import org.pubky.core.testing.Failures;
import org.pubky.core.testing.RandomText;
import org.pubky.spi.ErrorCode;

final class StreamRequestTest {
    private static final String U = Keypair.random().publicKey().z32();
    private static final String V = Keypair.random().publicKey().z32();

    @Test
    void usersWithAndWithoutCursors() {
        StreamRequest r = StreamRequest.parse("user=" + U + "&user=" + V + ":42&user=&user=" + U + ":0032C29SSF87E");
        assertThat(r.users()).extracting(u -> u.user().z32()).containsExactly(U, V, U);
        assertThat(r.users()).extracting(StreamRequest.UserCursor::cursor)
                .containsExactly(Optional.empty(), Optional.of("42"), Optional.of("0032C29SSF87E"));
        assertThat(StreamRequest.parse("user=" + U + ":").users().get(0).cursor()).hasValue("");
        assertThat(StreamRequest.parse("user=" + U + ":a:b").users().get(0).cursor()).hasValue("a:b");
        assertThat(r.limit()).isEmpty();
        assertThat(r.reverse()).isFalse();
        assertThat(r.live()).isFalse();
        assertThat(r.paths()).isEmpty();
        assertThat(r.wantsPrivate()).isFalse();
    }

    @Test
    void flagsAreTrueOnlyForTrueOrOne() {
        assertThat(StreamRequest.parse("user=" + U + "&live=true").live()).isTrue();
        assertThat(StreamRequest.parse("user=" + U + "&live=1").live()).isTrue();
        assertThat(StreamRequest.parse("user=" + U + "&reverse=1").reverse()).isTrue();
        for (String no : new String[] {"", "yes", "TRUE", "True", "on", "2"}) {
            assertThat(StreamRequest.parse("user=" + U + "&live=" + no).live()).as(no).isFalse();
        }
        assertThat(StreamRequest.parse("user=" + U + "&live&reverse").live()).isFalse();
        assertThat(StreamRequest.parse("user=" + U + "&live=1&live=0").live()).isFalse(); // the last value wins
    }

    @Test
    void limitIsOneTo65535() {
        assertThat(StreamRequest.parse("user=" + U + "&limit=1").limit()).isEqualTo(OptionalInt.of(1));
        assertThat(StreamRequest.parse("user=" + U + "&limit=65535").limit()).isEqualTo(OptionalInt.of(65535));
        assertThat(StreamRequest.parse("user=" + U + "&limit=%2B7").limit()).isEqualTo(OptionalInt.of(7));
        assertFails(() -> StreamRequest.parse("user=" + U + "&limit=0"), ErrorCode.MALFORMED_INPUT, "limit must be at least 1");
        assertFails(() -> StreamRequest.parse("user=" + U + "&limit=65536"), ErrorCode.MALFORMED_INPUT, "Invalid limit: 65536");
        assertFails(() -> StreamRequest.parse("user=" + U + "&limit=-1"), ErrorCode.MALFORMED_INPUT, "Invalid limit: -1");
        assertFails(() -> StreamRequest.parse("user=" + U + "&limit="), ErrorCode.MALFORMED_INPUT, "Invalid limit: ");
    }

    @Test
    void repeatedPathsKeepOrderAndTrailingSlashesEmptyOnesAreIgnored() {
        assertThat(StreamRequest.parse("user=" + U + "&path=/pub/&path=/priv/app/&path=/priv/file").paths())
                .extracting(StoragePath::value).containsExactly("/pub/", "/priv/app/", "/priv/file");
        assertThat(StreamRequest.parse("user=" + U + "&path=&path=/pub/&path=").paths())
                .extracting(StoragePath::value).containsExactly("/pub/");
        assertThat(StreamRequest.parse("user=" + U + "&path=pub/test.txt&path=/pub//a/./b/../c/").paths())
                .extracting(StoragePath::value).containsExactly("/pub/test.txt", "/pub/a/c/");
        assertThat(StreamRequest.parse("user=" + U + "&path=/pub/&path=/priv/app/").wantsPrivate()).isTrue();
        assertThat(StreamRequest.parse("user=" + U + "&path=/priv").wantsPrivate()).isFalse(); // not under /priv/
        assertFails(() -> StreamRequest.parse("user=" + U + "&path=/.."), ErrorCode.INVALID_PATH, "Invalid path: /..");
        assertFails(() -> StreamRequest.parse("user=" + U + "&path=a%00b"), ErrorCode.INVALID_PATH, "Invalid path: /a\0b");
    }

    @Test
    void validationMessagesInTheReferencesOrder() {
        assertFails(() -> StreamRequest.parse("path=/pub/"), ErrorCode.MALFORMED_INPUT, "user parameter is required");
        assertFails(() -> StreamRequest.parse("user="), ErrorCode.MALFORMED_INPUT, "user parameter is required");
        assertFails(() -> StreamRequest.parse("user=invalid_key_not_zbase32"), ErrorCode.INVALID_PUBLIC_KEY,
                "Invalid public key: invalid_key_not_zbase32");
        assertFails(() -> StreamRequest.parse("user=pubky" + U), ErrorCode.INVALID_PUBLIC_KEY, "Invalid public key: pubky" + U);
        assertFails(() -> StreamRequest.parse("user=" + U + "&user=bad:5"), ErrorCode.INVALID_PUBLIC_KEY, "Invalid public key: bad");
        // live with reverse is checked before the keys; the limit while reading, before everything
        assertFails(() -> StreamRequest.parse("user=bad&live=true&reverse=true"), ErrorCode.MALFORMED_INPUT,
                "Cannot use live mode with reverse ordering");
        assertFails(() -> StreamRequest.parse("live=true&reverse=true&limit=0"), ErrorCode.MALFORMED_INPUT,
                "limit must be at least 1");
        // the number of users after the keys, before the paths
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            users.add("user=" + Keypair.random().publicKey().z32());
        }
        assertFails(() -> StreamRequest.parse(String.join("&", users) + "&path=/.."), ErrorCode.MALFORMED_INPUT,
                "Too many users. Maximum allowed: 50");
        assertThat(StreamRequest.parse(String.join("&", users.subList(0, 50))).users()).hasSize(50);
        assertFails(() -> StreamRequest.parse("user=" + U + "&user=" + U + "&" + String.join("&", users.subList(0, 49))),
                ErrorCode.MALFORMED_INPUT, "Too many users. Maximum allowed: 50"); // duplicates count
    }

    @Test
    void hostileQueriesOnlyEverFailWithPubkyException() {
        Random random = new Random(7);
        String base = "user=" + U + ":5&path=/priv/app/&limit=10&live=true&user=" + V;
        for (int i = 0; i < 5000; i++) {
            String raw = random.nextBoolean() ? RandomText.mutate(random, base) : "user=" + U + "&" + RandomText.next(random, 10);
            Failures.onlyPubkyException(() -> StreamRequest.parse(raw), raw);
            Failures.onlyPubkyException(() -> AdminStreamRequest.parse(raw), raw);
            Failures.onlyPubkyException(() -> FeedRequest.parse(raw), raw);
        }
    }
}
