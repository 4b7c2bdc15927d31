package org.pubky.dht.mainline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.pubky.dht.mainline.storage.MutablePutRule.Decision;

final class MutablePutRuleTest {
    private static final byte[] B = {0x10, 0x20};
    private static final byte[] BIGGER = {0x10, 0x21};
    private static final byte[] LONGER = {0x10, 0x20, 0x00};
    private static final byte[] HIGH_BIT = {(byte) 0x90};

    private static Decision decide(long storedSeq, byte[] stored, long seq, byte[] v, OptionalLong cas) {
        return MutablePutRule.decide(OptionalLong.of(storedSeq), stored, seq, v, cas);
    }

    @Test
    void nothingStoredAlwaysStores() {
        assertThat(MutablePutRule.decide(OptionalLong.empty(), null, 0, B, OptionalLong.of(99))).isEqualTo(Decision.STORE);
    }

    @Test
    void higherSeqStoresLowerIs302() {
        assertThat(decide(5, B, 6, B, OptionalLong.empty())).isEqualTo(Decision.STORE);
        assertThat(decide(5, B, 4, BIGGER, OptionalLong.empty())).isEqualTo(Decision.SEQ_TOO_LOW);
    }

    @Test
    void equalSeqIdenticalValueRefreshes() {
        assertThat(decide(5, B, 5, B.clone(), OptionalLong.empty())).isEqualTo(Decision.REFRESH);
    }

    @Test
    void equalSeqLargerValueWinsSmallerIs302() {
        assertThat(decide(5, B, 5, BIGGER, OptionalLong.empty())).isEqualTo(Decision.STORE);
        assertThat(decide(5, BIGGER, 5, B, OptionalLong.empty())).isEqualTo(Decision.SEQ_TOO_LOW);
        // a longer value with the stored one as prefix is larger
        assertThat(decide(5, B, 5, LONGER, OptionalLong.empty())).isEqualTo(Decision.STORE);
        assertThat(decide(5, LONGER, 5, B, OptionalLong.empty())).isEqualTo(Decision.SEQ_TOO_LOW);
        // bytes compare unsigned: 0x90 > 0x10
        assertThat(decide(5, B, 5, HIGH_BIT, OptionalLong.empty())).isEqualTo(Decision.STORE);
    }

    @Test
    void equalSeqDecisionDoesNotDependOnArrivalOrder() {
        // whichever of two conflicting items arrives first, the node ends up holding the larger
        assertThat(decide(5, B, 5, BIGGER, OptionalLong.empty())).isEqualTo(Decision.STORE);
        assertThat(decide(5, BIGGER, 5, B, OptionalLong.empty())).isEqualTo(Decision.SEQ_TOO_LOW);
    }

    @Test
    void casMustMatchTheStoredSeq() {
        assertThat(decide(5, B, 6, B, OptionalLong.of(4))).isEqualTo(Decision.CAS_MISMATCH);
        assertThat(decide(5, B, 6, B, OptionalLong.of(5))).isEqualTo(Decision.STORE);
        // cas is checked before seq
        assertThat(decide(5, B, 3, B, OptionalLong.of(4))).isEqualTo(Decision.CAS_MISMATCH);
        assertThat(decide(5, B, 3, B, OptionalLong.of(5))).isEqualTo(Decision.SEQ_TOO_LOW);
    }
}
