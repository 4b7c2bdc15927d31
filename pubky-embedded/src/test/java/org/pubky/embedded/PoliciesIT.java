package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.keys.Keypair;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.auth.AccessPolicy;
import org.pubky.spi.auth.SignupDecision;
import org.pubky.spi.auth.SignupPolicy;
import org.pubky.spi.auth.SignupRequest;
import org.pubky.spi.auth.UserLimits;

/** A vendor's signup and access policies plugged into a running homeserver. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class PoliciesIT {
    @Test
    void aVendorSignupPolicyDecidesWhoMaySignUp() {
        Keypair invited = Keypair.random();
        SignupPolicy allowList = new SignupPolicy() {
            @Override
            public SignupDecision decide(SignupRequest request) {
                if (!request.user().equals(invited.publicKey().z32())) {
                    throw new PubkyException(ErrorCode.FORBIDDEN, "Not on the invitation list");
                }
                assertThat(request.clientAddress()).contains("127.0.0.1");
                return SignupDecision.allow();
            }
        };
        try (PubkyHomeserver server = PubkyHomeserver.builder().clientPort(0).metadataStore("memory")
                .blobStore("memory").signupPolicy(allowList).start()) {
            Api api = new Api(server.clientUri(), server.publicKey());
            assertThat(api.send("POST", "/signup", api.authToken(invited, "/:rw")).status()).isEqualTo(200);
            Api.Resp refused = api.send("POST", "/signup", api.authToken(Keypair.random(), "/:rw"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text()).isEqualTo("Not on the invitation list");
            // the policy does not use tokens, so token status lookups are not offered
            assertThat(api.get("/signup_tokens/AAAA-BBBB-CCCC").text()).isEqualTo("Signup tokens not required");
        }
    }

    @Test
    void anAccessPolicyNarrowsCapabilitiesAndLimitsStorageButCannotWiden() {
        AccessPolicy plan = new AccessPolicy() {
            @Override
            public UserLimits limits(String user, UserLimits computed) {
                return new UserLimits(1024, computed.rateRead(), computed.rateWrite());
            }

            @Override
            public String capabilities(String user, String clientId, String requested) {
                // tries to grant more than asked: the homeserver must drop /priv/
                return Set.of(requested.split(",")).contains("/:rw") ? "/pub/:rw,/priv/:rw" : requested + ",/priv/:rw";
            }
        };
        try (PubkyHomeserver server = PubkyHomeserver.builder().clientPort(0).metadataStore("memory")
                .blobStore("memory").signupMode(org.pubky.core.homeserver.SignupMode.OPEN).accessPolicy(plan).start()) {
            Api api = new Api(server.clientUri(), server.publicKey());
            Api.User root = api.signupCookie(Keypair.random());
            String base = "/storage/" + root.z32();
            assertThat(api.send("PUT", base + "/pub/small", new byte[100], root.auth()).status()).isEqualTo(201);
            assertThat(api.send("PUT", base + "/pub/big", new byte[2000], root.auth()).status()).isEqualTo(507);
            // narrowed to /pub/:rw (and /priv/:rw, which /:rw covers)
            assertThat(api.send("PUT", base + "/priv/x", new byte[1], root.auth()).status()).isEqualTo(201);
            Api.User scoped = api.signinCookie(root.keypair(), "/pub/app/:rw");
            assertThat(api.send("PUT", base + "/pub/app/y", new byte[1], scoped.auth()).status()).isEqualTo(201);
            // the policy tried to add /priv/:rw to a scoped session: dropped
            assertThat(api.send("PUT", base + "/priv/y", new byte[1], scoped.auth()).status()).isEqualTo(403);
            assertThat(Optional.of(api.get(base + "/priv/x", scoped.auth()).status())).contains(403);
        }
    }
}
