package org.pubky.embedded.cli;

import org.pubky.core.homeserver.SignupMode;
import org.pubky.core.keys.Keypair;
import org.pubky.embedded.PubkyHomeserver;

/**
 * The reference testnet layout in one JVM, so {@code Pubky.testnet()} in the stock SDKs works
 * unchanged: homeserver key of seed 32×00, client API 6286, admin 6288 (password {@code admin}),
 * PKARR relay 15411, HTTP relay 15412, open signup, in-memory data unless a data directory is
 * given.
 */
final class Testnet {
    /** {@code 8pinxxgqs41n4aididenw5apqp1urfmzdztr8jt4abrkdn435ewo}. */
    static final Keypair HOMESERVER_KEY = Keypair.fromSecret(new byte[32]);

    /** The testnet's admin password, used unless another one is configured. */
    static final String ADMIN_PASSWORD = "admin";

    private Testnet() {
    }

    static void configure(PubkyHomeserver.Builder builder, boolean persistent) {
        builder.keypair(HOMESERVER_KEY)
                .clientPort(6286)
                .adminPort(6288)
                .httpRelayPort(15412)
                .signupMode(SignupMode.OPEN);
        if (!persistent) {
            builder.metadataStore("memory").blobStore("memory");
        }
    }
}
