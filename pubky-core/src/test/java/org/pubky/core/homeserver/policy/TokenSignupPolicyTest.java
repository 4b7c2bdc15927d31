package org.pubky.core.homeserver.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.auth.SignupPolicy;
import org.pubky.spi.auth.SignupRequest;
import org.pubky.tck.SignupPolicyContract;
import org.pubky.tck.TckData;

final class TokenSignupPolicyTest extends SignupPolicyContract {
    @Override
    protected SignupPolicy open() {
        return new TokenSignupPolicy();
    }

    @Override
    protected SignupRequest allowedRequest() {
        return new SignupRequest(TckData.userKey(9), Optional.of("AAAA-BBBB-CCCC"), Optional.empty());
    }

    @Test
    void missingTokenIsTheReferenceError() {
        assertThatThrownBy(() -> new TokenSignupPolicy().decide(new SignupRequest(TckData.userKey(1), Optional.empty(),
                Optional.empty())))
                .isInstanceOfSatisfying(PubkyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
                    assertThat(e.getMessage()).isEqualTo("Token required");
                });
    }
}
