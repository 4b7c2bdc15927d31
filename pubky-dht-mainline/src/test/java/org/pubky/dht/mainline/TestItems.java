package org.pubky.dht.mainline;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.pubky.core.bep44.Bep44;
import org.pubky.core.keys.Keypair;
import org.pubky.spi.dht.MutableItem;

/** Signed BEP 44 items for tests. */
final class TestItems {
    private TestItems() {
    }

    static Keypair keypair(int seed) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) seed);
        return Keypair.fromSecret(s);
    }

    static MutableItem signed(Keypair keypair, long seq, String value) {
        return signed(keypair, seq, value.getBytes(StandardCharsets.UTF_8), null);
    }

    static MutableItem signed(Keypair keypair, long seq, byte[] value, byte[] salt) {
        byte[] signature = keypair.sign(Bep44.signable(salt, seq, value));
        return new MutableItem(keypair.publicKey().bytes(), seq, value, signature, Optional.ofNullable(salt));
    }
}
