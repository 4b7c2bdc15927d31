package org.pubky.dht.mainline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class NodeIdTest {
    @Test
    void distanceVectorOfTheRustCrate() {
        NodeId id = NodeId.ofHex("0639A1E24FBB8AB277DF033476AB0DE10FAB3BDC");
        NodeId target = NodeId.ofHex("035b1aeb9737ade1a80933594f405d3f772aa08e");
        assertThat(id.bucketIndex(target)).isEqualTo(155);
        assertThat(target.bucketIndex(id)).isEqualTo(155);
    }

    @Test
    void distanceToSelfIsZeroAndToTheOppositeIs160() {
        NodeId id = NodeId.random(new Random(1));
        byte[] opposite = id.bytes();
        for (int i = 0; i < opposite.length; i++) {
            opposite[i] ^= (byte) 0xff;
        }
        assertThat(id.bucketIndex(id)).isZero();
        assertThat(id.bucketIndex(NodeId.of(opposite))).isEqualTo(160);
        assertThat(id.distance(NodeId.of(opposite)).hex()).isEqualTo("ff".repeat(20));
    }

    @Test
    void xorDistanceIsTheXor() {
        NodeId a = NodeId.ofHex("00000000000000000000000000000000000000f0");
        NodeId b = NodeId.ofHex("000000000000000000000000000000000000000f");
        assertThat(a.distance(b).hex()).isEqualTo("00000000000000000000000000000000000000ff");
        assertThat(a.bucketIndex(b)).isEqualTo(8);
        NodeId c = NodeId.ofHex("8000000000000000000000000000000000000000");
        assertThat(a.bucketIndex(c)).isEqualTo(160);
    }

    @Test
    void compareDistanceOrdersByXorAsUnsignedNumber() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            NodeId t = NodeId.random(random);
            NodeId a = NodeId.random(random);
            NodeId b = NodeId.random(random);
            int expected = Integer.signum(t.distance(a).compareTo(t.distance(b)));
            assertThat(Integer.signum(t.compareDistance(a, b))).isEqualTo(expected);
        }
    }

    @Test
    void wrongLengthIsRefused() {
        assertThatThrownBy(() -> NodeId.of(new byte[19])).isInstanceOf(IllegalArgumentException.class);
    }
}
