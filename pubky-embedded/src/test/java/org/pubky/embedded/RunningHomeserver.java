package org.pubky.embedded;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pubky.core.homeserver.SignupMode;

/**
 * A homeserver on in-memory stores, open signup and a free port, started once per test class:
 * {@code @RegisterExtension static final RunningHomeserver HS = new RunningHomeserver();}.
 */
final class RunningHomeserver implements BeforeAllCallback, AfterAllCallback {
    private PubkyHomeserver server;
    private Api api;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = PubkyHomeserver.builder().clientPort(0).signupMode(SignupMode.OPEN)
                .metadataStore("memory").blobStore("memory").start();
        api = new Api(server.clientUri(), server.publicKey());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    PubkyHomeserver server() {
        return server;
    }

    Api api() {
        return api;
    }
}
