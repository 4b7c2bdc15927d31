package org.pubky.store.lmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.CookieSession;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventType;
import org.pubky.spi.storage.GrantRecord;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.UserRecord;

final class CodecTest {
    private static final String U = Fixtures.user(1);
    private static final QuotaOverrides FULL_QUOTA = new QuotaOverrides(OptionalLong.of(QuotaOverrides.UNLIMITED),
            Optional.of("10mb/s"), Optional.of("unlimited"), OptionalInt.of(-3), OptionalInt.of(7),
            Optional.of(List.of("/pub/a/", "/pub/ü")));

    @Test
    void usersRoundTripWithEveryQuotaShape() {
        for (QuotaOverrides q : List.of(QuotaOverrides.NONE, FULL_QUOTA,
                new QuotaOverrides(OptionalLong.of(0), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        OptionalInt.empty(), Optional.of(List.of())))) {
            UserRecord u = new UserRecord(U, true, Long.MAX_VALUE, Instant.parse("1969-12-31T23:59:59.999999999Z"), q);
            assertThat(Codec.user(U, Codec.user(u))).isEqualTo(u);
        }
    }

    @Test
    void otherRecordsRoundTrip() {
        SignupTokenRecord unused = SignupTokenRecord.unused("ABCD-EFGH-JKMN", Fixtures.T0, FULL_QUOTA);
        assertThat(Codec.token(unused.token(), Codec.token(unused))).isEqualTo(unused);
        SignupTokenRecord used = new SignupTokenRecord("ABCD-EFGH-JKMN", Fixtures.T0, Optional.of(U),
                Optional.of(Fixtures.T0.plusSeconds(5)), QuotaOverrides.NONE);
        assertThat(Codec.token(used.token(), Codec.token(used))).isEqualTo(used);

        CookieSession s = new CookieSession("id-ß", U, "/:rw", Fixtures.T0);
        assertThat(Codec.session(s.id(), Codec.session(s))).isEqualTo(s);

        GrantRecord g = new GrantRecord("g_1-x", U, "app.example", Fixtures.user(2), "/pub/:rw", Fixtures.T0,
                Fixtures.T0.plusSeconds(3600), Optional.empty(), Fixtures.T0);
        assertThat(Codec.grant(g.grantId(), Codec.grant(g))).isEqualTo(g);
        GrantRecord revoked = g.revoked(Fixtures.T0.plusSeconds(1));
        assertThat(Codec.grant(g.grantId(), Codec.grant(revoked))).isEqualTo(revoked);

        assertThat(Codec.bearer(Codec.bearer("g1", Fixtures.T0))).isEqualTo(new Codec.Bearer("g1", Fixtures.T0));
        assertThat(Codec.replay(Codec.replay(Fixtures.T0))).isEqualTo(Fixtures.T0);

        Event put = new Event(7, EventType.PUT, U, "/pub/ä/€/😀", Optional.of(Fixtures.hash(3)), Fixtures.T0);
        assertThat(Codec.event(7, Codec.event(put))).isEqualTo(put);
        Event del = new Event(Long.MAX_VALUE, EventType.DEL, U, "/pub/x", Optional.empty(), Fixtures.T0);
        assertThat(Codec.event(Long.MAX_VALUE, Codec.event(del))).isEqualTo(del);
    }

    @Test
    void entryBucketsRoundTripAndKeepSuffixOrder() {
        byte[] keyPath = Keys.utf8("/pub/" + "a".repeat(443));
        EntryBucket b = EntryBucket.empty(keyPath);
        for (String suffix : List.of("z", "", "b/c", "ä", "b")) {
            b.put(new EntryBucket.Item(Keys.utf8(suffix), "blob-" + suffix.length(), Fixtures.hash(suffix.hashCode()),
                    suffix.length(), "text/plain", Fixtures.T0, Fixtures.T0.minusSeconds(1)));
        }
        EntryBucket decoded = EntryBucket.decode(keyPath, b.encode());
        assertThat(decoded.size()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(decoded.entry(U, i)).isEqualTo(b.entry(U, i));
        }
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(i -> Keys.string(decoded.item(i).suffix())).toList())
                .containsExactly("", "b", "b/c", "z", "ä");
        byte[][] paths = EntryBucket.paths(keyPath, b.encode());
        assertThat(paths.length).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(paths[i]).isEqualTo(decoded.path(i));
        }
        assertThat(decoded.indexOf(Keys.utf8("b/c"))).isEqualTo(2);
        assertThat(decoded.indexOf(Keys.utf8("c"))).isEqualTo(-4);
    }

    @Test
    void randomBytesFailOnlyWithStorageFailure() {
        Random random = new Random(20250102);
        List<Consumer<byte[]>> decoders = List.of(
                b -> Codec.user(U, b), b -> Codec.token("ABCD-EFGH-JKMN", b), b -> Codec.session("s", b),
                b -> Codec.grant("g", b), Codec::bearer, Codec::replay, b -> Codec.event(1, b),
                b -> EntryBucket.decode(new byte[] {'/'}, b), b -> EntryBucket.paths(new byte[] {'/'}, b));
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = 1; // get past the version byte more often
            }
            for (Consumer<byte[]> decoder : decoders) {
                assertDecodesOrFailsCleanly(decoder, bytes);
            }
        }
    }

    @Test
    void mutatedValidValuesFailOnlyWithStorageFailure() {
        Random random = new Random(7);
        UserRecord u = new UserRecord(U, false, 12345, Fixtures.T0, FULL_QUOTA);
        Event e = new Event(9, EventType.PUT, U, "/pub/ä", Optional.of(Fixtures.hash(1)), Fixtures.T0);
        byte[] user = Codec.user(u);
        byte[] event = Codec.event(e);
        EntryBucket b = EntryBucket.empty(Keys.utf8("/p"));
        b.put(new EntryBucket.Item(new byte[0], "x", Fixtures.hash(2), 5, "t", Fixtures.T0, Fixtures.T0));
        byte[] bucket = b.encode();
        for (int i = 0; i < 20_000; i++) {
            assertDecodesOrFailsCleanly(x -> Codec.user(U, x), mutate(user, random));
            assertDecodesOrFailsCleanly(x -> Codec.event(9, x), mutate(event, random));
            byte[] mutated = mutate(bucket, random);
            assertDecodesOrFailsCleanly(x -> EntryBucket.decode(Keys.utf8("/p"), x), mutated);
            assertDecodesOrFailsCleanly(x -> EntryBucket.paths(Keys.utf8("/p"), x), mutated);
        }
    }

    @Test
    void unknownVersionAndTrailingBytesAreRefused() {
        byte[] v = Codec.replay(Fixtures.T0);
        v[0] = 2;
        assertThatThrownBy(() -> Codec.replay(v)).isInstanceOf(PubkyException.class)
                .hasMessageContaining("version 2");
        byte[] longer = java.util.Arrays.copyOf(Codec.replay(Fixtures.T0), Codec.replay(Fixtures.T0).length + 1);
        assertThatThrownBy(() -> Codec.replay(longer)).hasMessageContaining("trailing");
    }

    @Test
    void varintsRoundTripAtTheEdges() {
        for (long v : new long[] {0, 1, 127, 128, 16383, 16384, Integer.MAX_VALUE, Long.MAX_VALUE}) {
            ValueReader in = new ValueReader(new ValueWriter(1).varLong(v).zigZag(v).zigZag(-v).toByteArray());
            assertThat(in.varLong()).isEqualTo(v);
            assertThat(in.zigZag()).isEqualTo(v);
            assertThat(in.zigZag()).isEqualTo(-v);
        }
        ValueReader min = new ValueReader(new ValueWriter(1).zigZag(Long.MIN_VALUE).toByteArray());
        assertThat(min.zigZag()).isEqualTo(Long.MIN_VALUE);
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] m = random.nextInt(4) == 0
                ? java.util.Arrays.copyOf(valid, random.nextInt(valid.length + 1)) : valid.clone();
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips && m.length > 0; f++) {
            m[random.nextInt(m.length)] = (byte) random.nextInt(256);
        }
        return m;
    }

    private static void assertDecodesOrFailsCleanly(Consumer<byte[]> decoder, byte[] bytes) {
        try {
            decoder.accept(bytes);
        } catch (PubkyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
        }
    }
}
