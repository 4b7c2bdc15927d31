package org.pubky.spi;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type of pubky-java: unchecked, with an {@link ErrorCode} saying what went
 * wrong.
 *
 * <p>The message is shown to remote clients as the plain-text body of an HTTP error, so it must
 * be short, must say what was wrong with the input, and must never contain secrets (keys,
 * passwords, session secrets, bearer tokens). Backends wrap native failures as the
 * {@linkplain #getCause() cause} and keep the native detail there, where only logs see it.
 */
public class PubkyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public PubkyException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public PubkyException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    /** What went wrong; never null. */
    public ErrorCode code() {
        return code;
    }

    /** Shorthand for {@code new PubkyException(code, message)}. */
    public static PubkyException of(ErrorCode code, String message) {
        return new PubkyException(code, message);
    }

    @Override
    public String toString() {
        return "PubkyException[" + code + "]: " + getMessage();
    }
}
