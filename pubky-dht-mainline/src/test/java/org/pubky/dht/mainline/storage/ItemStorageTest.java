package org.pubky.dht.mainline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.pubky.core.bencode.BencodeString;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.dht.mainline.storage.MutablePutRule.Decision;
import org.pubky.spi.dht.MutableItem;

final class ItemStorageTest {
    private static NodeId target(int i) {
        byte[] b = new byte[20];
        b[19] = (byte) i;
        b[18] = (byte) (i >> 8);
        return NodeId.of(b);
    }

    private static MutableItem item(long seq, byte... v) {
        return new MutableItem(new byte[32], seq, v, new byte[64], Optional.empty());
    }

    @Test
    void leastRecentlyUsedMutableItemGoesFirst() {
        ItemStorage storage = new ItemStorage(3, 3);
        for (int i = 0; i < 3; i++) {
            storage.putMutable(target(i), item(1, (byte) i), OptionalLong.empty());
        }
        storage.getMutable(target(0)); // 0 is now the most recent; 1 the least
        storage.putMutable(target(3), item(1, (byte) 3), OptionalLong.empty());
        assertThat(storage.mutableCount()).isEqualTo(3);
        assertThat(storage.getMutable(target(1))).isNull();
        assertThat(storage.getMutable(target(0))).isNotNull();
        assertThat(storage.getMutable(target(3))).isNotNull();
    }

    @Test
    void boundHoldsUnderManyInserts() {
        ItemStorage storage = new ItemStorage(1000, 10);
        for (int i = 0; i < 5000; i++) {
            storage.putMutable(target(i), item(1, (byte) i), OptionalLong.empty());
            storage.putImmutable(target(i), BencodeString.of(new byte[] {(byte) i}));
        }
        assertThat(storage.mutableCount()).isEqualTo(1000);
        assertThat(storage.immutableCount()).isEqualTo(10);
        assertThat(storage.getMutable(target(4999))).isNotNull();
        assertThat(storage.getMutable(target(3999))).isNull();
    }

    @Test
    void putAppliesTheRulesAndKeepsTheWinner() {
        ItemStorage storage = new ItemStorage(10, 10);
        assertThat(storage.putMutable(target(1), item(5, (byte) 1), OptionalLong.empty())).isEqualTo(Decision.STORE);
        assertThat(storage.putMutable(target(1), item(5, (byte) 1), OptionalLong.empty())).isEqualTo(Decision.REFRESH);
        assertThat(storage.putMutable(target(1), item(5, (byte) 0), OptionalLong.empty())).isEqualTo(Decision.SEQ_TOO_LOW);
        assertThat(storage.putMutable(target(1), item(5, (byte) 2), OptionalLong.empty())).isEqualTo(Decision.STORE);
        assertThat(storage.putMutable(target(1), item(6, (byte) 0), OptionalLong.of(4))).isEqualTo(Decision.CAS_MISMATCH);
        assertThat(storage.getMutable(target(1)).value()).containsExactly(2);
        assertThat(storage.getMutable(target(1)).seq()).isEqualTo(5);
    }
}
