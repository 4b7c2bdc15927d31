package org.pubky.core.recovery;

import java.util.Arrays;
import org.pubky.core.keys.Keypair;

/** The reference repository's sample recovery file and a way to rebuild it with its own nonce. */
public final class RecoveryFileVectors {
    /** {@code examples/sample_recovery.key} of pubky/pubky-homeserver; its passphrase is empty. */
    public static final String SAMPLE_RECOVERY_FILE_HEX = "7075626b792e6f72672f7265636f766572790a"
            + "013c787bcf1111ec4a5715d0d09753558ac568da7041dc8b"
            + "9e12538d869fc634455ff120533c681c9f403fe7e48bd7226b14f18341c16dd57028c0e3730b846c2e8132b5749f5ee2";

    private RecoveryFileVectors() {
    }

    /** {@link RecoveryFile#create} with the nonce taken from {@code sample}. */
    public static byte[] recreate(Keypair keypair, String passphrase, byte[] sample) {
        return RecoveryFile.create(keypair, passphrase, Arrays.copyOfRange(sample, 19, 43));
    }
}
