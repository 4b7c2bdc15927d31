package org.pubky.dht.mainline.storage;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Whether a storage node accepts a verified BEP 44 mutable put, given what it holds.
 *
 * <ol>
 *   <li>{@code cas} present and an item stored whose {@code seq} differs: {@link Decision#CAS_MISMATCH} (301).</li>
 *   <li>{@code seq} lower than the stored one: {@link Decision#SEQ_TOO_LOW} (302).</li>
 *   <li>{@code seq} equal to the stored one (the project's choice, see {@code docs/dht.md}):
 *       identical {@code v} → {@link Decision#REFRESH} (accepted, nothing changes but the
 *       freshness of the entry); a different {@code v} that is greater in unsigned byte order →
 *       {@link Decision#STORE} (the PKARR tie-break, so every node converges on the same item);
 *       a smaller {@code v} → {@link Decision#SEQ_TOO_LOW}.</li>
 *   <li>otherwise {@link Decision#STORE}.</li>
 * </ol>
 *
 * <p>BEP 44 rejects equal {@code seq} unless the value is identical; the Rust node accepts any
 * value; bittorrent-dht rejects even the identical one. Accepting identical republishes keeps
 * PKARR clients (which republish unchanged packets) from seeing 302; the byte-order tie-break
 * keeps the decision the same on every node whatever order the puts arrive in. Stateless.
 */
public final class MutablePutRule {
    /** The outcome of a put against stored state. */
    public enum Decision {
        /** Store the incoming item. */
        STORE,
        /** The identical item is already stored: accept, keep it, refresh it. */
        REFRESH,
        /** 301. */
        CAS_MISMATCH,
        /** 302. */
        SEQ_TOO_LOW
    }

    private MutablePutRule() {
    }

    /**
     * @param storedSeq the stored item's seq, empty if nothing is stored
     * @param storedValue the stored item's value ({@code null} if nothing is stored)
     */
    public static Decision decide(OptionalLong storedSeq, byte[] storedValue, long seq, byte[] value, OptionalLong cas) {
        if (storedSeq.isEmpty()) {
            return Decision.STORE;
        }
        long current = storedSeq.getAsLong();
        if (cas.isPresent() && cas.getAsLong() != current) {
            return Decision.CAS_MISMATCH;
        }
        if (seq < current) {
            return Decision.SEQ_TOO_LOW;
        }
        if (seq > current) {
            return Decision.STORE;
        }
        int c = Arrays.compareUnsigned(value, storedValue);
        if (c == 0) {
            return Decision.REFRESH;
        }
        return c > 0 ? Decision.STORE : Decision.SEQ_TOO_LOW;
    }
}
