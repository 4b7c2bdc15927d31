package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.auth.AccessPolicy;
import org.pubky.spi.auth.UserLimits;

/**
 * The contract every {@link AccessPolicy} keeps: it returns limits and capability lists (never
 * {@code null}), capability lists keep the wire syntax, it never hands out capabilities for a
 * session that asked for none, and it closes idempotently. The homeserver additionally drops any
 * capability the request did not cover, so a policy cannot widen access; this contract checks
 * that a well-behaved policy does not even try.
 */
@Timeout(60)
public abstract class AccessPolicyContract {
    private static final Pattern CAPABILITY_LIST = Pattern.compile("(/[^,:]*:(r|w|rw)(,/[^,:]*:(r|w|rw))*)?");

    private AccessPolicy policy;

    /** A new policy under test. */
    protected abstract AccessPolicy open();

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
    public void limitsAreAlwaysAnswered() {
        for (UserLimits computed : new UserLimits[] {
                new UserLimits(UserLimits.UNLIMITED, Optional.empty(), Optional.empty()),
                new UserLimits(1024L * 1024, Optional.of("10mb/s"), Optional.of("1mb/s")),
                new UserLimits(0, Optional.empty(), Optional.of("1kb/s"))}) {
            UserLimits limits = policy.limits(TckData.userKey(1), computed);
            assertThat(limits).isNotNull();
        }
    }

    @Test
    public void capabilityListsKeepTheWireSyntax() {
        for (String requested : new String[] {"/:rw", "/pub/app/:rw,/pub/foo.bar/file:r", "/priv/x/:w"}) {
            String result = policy.capabilities(TckData.userKey(2), "app.example", requested);
            assertThat(result).isNotNull().matches(CAPABILITY_LIST);
        }
    }

    @Test
    public void nothingRequestedMeansNothingGranted() {
        assertThat(policy.capabilities(TckData.userKey(3), "cookie", "")).isEmpty();
    }
}
