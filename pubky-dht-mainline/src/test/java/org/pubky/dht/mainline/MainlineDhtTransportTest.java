package org.pubky.dht.mainline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.keys.Keypair;
import org.pubky.core.pkarr.SignedPacket;
import org.pubky.core.time.Timestamp;
import org.pubky.dht.mainline.testing.LoopbackTestnet;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.Providers;
import org.pubky.spi.PubkyException;
import org.pubky.spi.dht.DhtTransport;
import org.pubky.spi.dht.DhtTransportProvider;
import org.pubky.spi.dht.MutableItem;

@Timeout(60)
final class MainlineDhtTransportTest {
    private static SignedPacket vectorD() {
        // spec vector D: seed 32 x 00, timestamp 1700000000000000, TXT _foo "hello" TTL 30
        return SignedPacket.builder().txt("_foo", "hello", 30).sign(Keypair.fromSecret(new byte[32]), new Timestamp(1_700_000_000_000_000L));
    }

    private static ErrorCode codeOf(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return ((PubkyException) c).code();
    }

    @Test
    void providerIsFoundByNameAndPublishesAndResolvesAPkarrPacket() {
        try (LoopbackTestnet net = LoopbackTestnet.start(5)) {
            DhtTransportProvider provider = Providers.find(DhtTransportProvider.class, "mainline", getClass().getClassLoader());
            Map<String, String> config = Map.of("bootstrap", String.join(",", net.bootstrap()), "port", "0", "bind", "127.0.0.1",
                    "mode", "client", "request-timeout", "500ms", "tid-length", "4", "rate-limit", "0");
            SignedPacket packet = vectorD();
            assertThat(packet.target()).isEqualTo(java.util.HexFormat.of().parseHex("8c30c97e7fd5460ce3b962db4cd75879eecd8abd"));
            MutableItem item = MutableItem.of(packet.publicKey().bytes(), packet.timestamp().micros(), packet.dnsBytes(), packet.signature());
            try (DhtTransport publisher = provider.open(ProviderContext.of(java.nio.file.Path.of(".")), config);
                 DhtTransport resolver = net.clientTransport()) {
                assertThat(publisher.publish(item, OptionalLong.empty()).join().storedAt()).isEqualTo(5);
                Optional<MutableItem> got = resolver.resolve(packet.publicKey().bytes(), OptionalLong.empty()).join();
                assertThat(got).contains(item);
                SignedPacket back = SignedPacket.fromMutableItem(new org.pubky.core.bep44.MutableItem(packet.publicKey(),
                        got.get().seq(), got.get().value(), got.get().signature(), null));
                assertThat(back.toBytes()).isEqualTo(packet.toBytes());
                // newerThan = cached - 1 still returns it; newerThan = its seq means "nothing newer"
                assertThat(resolver.resolve(packet.publicKey().bytes(), OptionalLong.of(item.seq() - 1)).join()).contains(item);
                assertThat(resolver.resolve(packet.publicKey().bytes(), OptionalLong.of(item.seq())).join()).isEmpty();
                // re-publishing the identical packet is fine (equal-seq rule), an older one is not
                assertThat(publisher.publish(item, OptionalLong.empty()).join().storedAt()).isEqualTo(5);
                SignedPacket older = SignedPacket.builder().txt("_foo", "older", 30)
                        .sign(Keypair.fromSecret(new byte[32]), new Timestamp(1_600_000_000_000_000L));
                MutableItem olderItem = MutableItem.of(older.publicKey().bytes(), older.timestamp().micros(), older.dnsBytes(), older.signature());
                assertThatThrownBy(() -> publisher.publish(olderItem, OptionalLong.empty()).join())
                        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(ErrorCode.NOT_MOST_RECENT));
                assertThatThrownBy(() -> publisher.publish(item, OptionalLong.of(1)).join())
                        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(ErrorCode.CONFLICT));
            }
        }
    }

    @Test
    void resolveOfAnUnknownKeyIsEmpty() {
        try (LoopbackTestnet net = LoopbackTestnet.start(3); DhtTransport t = net.clientTransport()) {
            assertThat(t.resolve(Keypair.fromSecret(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})
                    .publicKey().bytes(), OptionalLong.empty()).join()).isEmpty();
        }
    }

    @Test
    void closedTransportFailsWithUnavailable() {
        try (LoopbackTestnet net = LoopbackTestnet.start(2)) {
            DhtTransport t = net.clientTransport();
            t.close();
            assertThatThrownBy(() -> t.resolve(new byte[32], OptionalLong.empty()).join())
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.UNAVAILABLE));
            t.close();
        }
    }

    @Test
    void configurationIsValidated() {
        Clock clock = Clock.systemUTC();
        NodeConfig c = NodeConfig.fromMap(Map.of("bootstrap", "none", "mode", "server", "request-timeout", "250ms",
                "tid-length", "2", "port", "7000", "concurrency", "4", "node-id", "11".repeat(20)), clock);
        assertThat(c.bootstrap()).isEmpty();
        assertThat(c.mode()).isEqualTo(Mode.SERVER);
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.tidLength()).isEqualTo(2);
        assertThat(c.port()).isEqualTo(7000);
        assertThat(c.nodeId()).isPresent();
        NodeConfig defaults = NodeConfig.fromMap(Map.of(), clock);
        assertThat(defaults.bootstrap()).isEqualTo(NodeConfig.DEFAULT_BOOTSTRAP);
        assertThat(defaults.mode()).isEqualTo(Mode.ADAPTIVE);
        assertThat(defaults.tidLength()).isEqualTo(4);
        for (Map<String, String> bad : List.of(Map.of("tid-length", "3"), Map.of("mode", "peer"), Map.of("port", "70000"),
                Map.of("bootstrap", "no-port"), Map.of("bootstrap", "host:0"), Map.of("colour", "blue"),
                Map.of("request-timeout", "soon"), Map.of("node-id", "abc"))) {
            assertThatThrownBy(() -> NodeConfig.fromMap(bad, clock)).as("%s", bad)
                    .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
        }
    }
}
