package org.pubky.dht.mainline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.pubky.dht.mainline.routing.NodeId;

final class PeerStorageTest {
    private static InetSocketAddress peer(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Test
    void boundedPerHashNewestFirst() {
        PeerStorage peers = new PeerStorage(2, 3);
        NodeId h = NodeId.ofHex("11".repeat(20));
        for (int p = 1; p <= 5; p++) {
            peers.announce(h, peer(p));
        }
        peers.announce(h, peer(3)); // re-announce moves it to the newest end
        assertThat(peers.peers(h, 10)).containsExactly(peer(3), peer(5), peer(4));
        assertThat(peers.peers(h, 1)).containsExactly(peer(3));
    }

    @Test
    void leastRecentHashGoesFirst() {
        PeerStorage peers = new PeerStorage(2, 3);
        NodeId a = NodeId.ofHex("11".repeat(20));
        NodeId b = NodeId.ofHex("22".repeat(20));
        NodeId c = NodeId.ofHex("33".repeat(20));
        peers.announce(a, peer(1));
        peers.announce(b, peer(1));
        peers.announce(c, peer(1));
        assertThat(peers.peers(a, 10)).isEmpty();
        assertThat(peers.peers(c, 10)).containsExactly(peer(1));
    }
}
