package org.pubky.core.homeserver.policy;

import java.util.Optional;
import org.pubky.spi.auth.SignupPolicy;
import org.pubky.spi.auth.SignupRequest;
import org.pubky.tck.SignupPolicyContract;
import org.pubky.tck.TckData;

final class OpenSignupPolicyTest extends SignupPolicyContract {
    @Override
    protected SignupPolicy open() {
        return new OpenSignupPolicy();
    }

    @Override
    protected SignupRequest allowedRequest() {
        return new SignupRequest(TckData.userKey(9), Optional.of("AAAA-BBBB-CCCC"), Optional.empty());
    }
}
