package org.pubky.core.homeserver.policy;

import org.pubky.spi.auth.AccessPolicy;
import org.pubky.tck.AccessPolicyContract;

final class DefaultAccessPolicyTest extends AccessPolicyContract {
    @Override
    protected AccessPolicy open() {
        return AccessPolicy.DEFAULT;
    }
}
