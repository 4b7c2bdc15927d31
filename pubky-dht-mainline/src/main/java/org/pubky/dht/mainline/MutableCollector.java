package org.pubky.dht.mainline;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.pubky.core.bencode.BencodeDict;
import org.pubky.core.bencode.BencodeInteger;
import org.pubky.core.bencode.BencodeString;
import org.pubky.core.bep44.Bep44;
import org.pubky.spi.dht.MutableItem;

/**
 * Collects the mutable item a {@code get} lookup finds: an answer counts only if its {@code k} is
 * the key we asked for, its signature verifies over the signable (with our salt), and its
 * {@code seq} is above the lower bound; the highest {@code seq} wins, ties going to the larger
 * value in unsigned byte order (the PKARR and Rust rule). Thread-safe.
 */
final class MutableCollector implements Lookup.Visitor {
    private final byte[] key;
    private final byte[] salt;
    private final OptionalLong newerThan;
    private MutableItem best;
    private int invalid;

    MutableCollector(byte[] key, byte[] salt, OptionalLong newerThan) {
        this.key = key.clone();
        this.salt = salt == null ? null : salt.clone();
        this.newerThan = newerThan;
    }

    @Override
    public void visit(Response response) {
        BencodeDict r = response.body();
        if (!(r.get("k") instanceof BencodeString k) || !(r.get("sig") instanceof BencodeString sig)
                || !(r.get("seq") instanceof BencodeInteger seq) || !(r.get("v") instanceof BencodeString v)) {
            return;
        }
        if (!k.contentEquals(key) || sig.length() != 64 || seq.value() < 0 || v.length() > MutableItem.MAX_VALUE_BYTES) {
            note();
            return;
        }
        byte[] value = v.bytes();
        byte[] signature = sig.bytes();
        byte[] signable = Bep44.signable(salt, seq.value(), value);
        if (!Ed25519.verify(signature, 0, key, 0, signable, 0, signable.length)) {
            note();
            return;
        }
        offer(new MutableItem(key, seq.value(), value, signature, Optional.ofNullable(salt)));
    }

    /** Considers an already verified item (from local storage or a response). */
    synchronized void offer(MutableItem item) {
        if (item == null || (newerThan.isPresent() && item.seq() <= newerThan.getAsLong())) {
            return;
        }
        if (best == null || item.seq() > best.seq()
                || (item.seq() == best.seq() && Arrays.compareUnsigned(item.value(), best.value()) > 0)) {
            best = item;
        }
    }

    synchronized Optional<MutableItem> best() {
        return Optional.ofNullable(best);
    }

    /** Answers that carried an item that did not verify. */
    synchronized int invalid() {
        return invalid;
    }

    private synchronized void note() {
        invalid++;
    }
}
