package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.PubkyException;
import org.pubky.spi.auth.SignupDecision;
import org.pubky.spi.auth.SignupPolicy;
import org.pubky.spi.auth.SignupRequest;

/**
 * The contract every {@link SignupPolicy} keeps: it answers every request with a decision or a
 * {@link PubkyException} carrying a 4xx code (never another exception, never {@code null});
 * a token it asks to consume is one the request carried; a policy that uses signup tokens
 * consumes the request's token when it allows; it is thread-safe and closes idempotently.
 * A subclass opens the policy and supplies a request the policy allows.
 */
@Timeout(60)
public abstract class SignupPolicyContract {
    private SignupPolicy policy;

    /** A new policy under test. */
    protected abstract SignupPolicy open();

    /** A request this policy allows (for a token policy: one carrying a token). */
    protected abstract SignupRequest allowedRequest();

    @BeforeEach
    final void openPolicy() {
        policy = open();
    }

    @AfterEach
    final void closePolicy() {
        policy.close();
        policy.close();
    }

    @Test
    public void anAllowedRequestGetsADecisionThatOnlyConsumesItsOwnToken() {
        SignupRequest request = allowedRequest();
        SignupDecision decision = policy.decide(request);

        assertThat(decision).isNotNull();
        decision.consumeToken().ifPresent(token -> assertThat(request.signupToken()).contains(token));
        if (policy.usesSignupTokens()) {
            assertThat(decision.consumeToken()).isEqualTo(request.signupToken()).isPresent();
        }
    }

    @Test
    public void everyRequestIsDecidedOrRefusedWithAClientError() {
        List<SignupRequest> requests = List.of(
                allowedRequest(),
                new SignupRequest(TckData.userKey(1), Optional.empty(), Optional.empty()),
                new SignupRequest(TckData.userKey(2), Optional.of("AAAA-BBBB-CCCC"), Optional.of("127.0.0.1")),
                new SignupRequest(TckData.userKey(3), Optional.empty(), Optional.of("::1")));
        for (SignupRequest request : requests) {
            Throwable thrown = catchThrowable(() -> assertThat(policy.decide(request)).isNotNull());
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(PubkyException.class);
                int status = ((PubkyException) thrown).code().httpStatus();
                assertThat(status).as("refusals are client errors").isBetween(400, 499);
                assertThat(thrown.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    public void aTokenPolicyRefusesARequestWithoutToken() {
        if (!policy.usesSignupTokens()) {
            return; // nothing to check: the policy says it does not use tokens
        }
        SignupRequest request = new SignupRequest(TckData.userKey(4), Optional.empty(), Optional.empty());
        assertThat(catchThrowable(() -> policy.decide(request))).isInstanceOf(PubkyException.class);
    }

    @Test
    public void decisionsAreThreadSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SignupDecision>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> policy.decide(allowedRequest())));
            }
            SignupDecision first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<SignupDecision> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
