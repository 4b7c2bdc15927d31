package org.pubky.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/** Assertions on the one exception type of pubky-java. */
public final class Failures {
    private Failures() {
    }

    /** {@code call} throws a {@link PubkyException} with exactly this code and message. */
    public static void assertFails(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PubkyException.class, e -> {
            assertThat(e.code()).as("error code").isEqualTo(code);
            assertThat(e.getMessage()).as("message").isEqualTo(message);
        });
    }

    /** {@code call} throws a {@link PubkyException} with this code and a message containing {@code part}. */
    public static void assertFailsContaining(ThrowingCallable call, ErrorCode code, String part) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PubkyException.class, e -> {
            assertThat(e.code()).as("error code").isEqualTo(code);
            assertThat(e.getMessage()).as("message").contains(part);
        });
    }

    /**
     * Runs a decoder on hostile input: it may return or throw {@link PubkyException}, nothing
     * else. Returns true if it returned.
     */
    public static boolean onlyPubkyException(ThrowingCallable call, Object input) {
        try {
            call.call();
            return true;
        } catch (PubkyException e) {
            assertThat(e.getMessage()).as("message of %s", input).isNotBlank();
            return false;
        } catch (Throwable t) {
            fail("decoder threw " + t + " for input " + input, t);
            return false;
        }
    }
}
