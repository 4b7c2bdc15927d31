package org.pubky.store.jdbc.blob;

/**
 * Carries an exception thrown by the caller's input stream out of a database transaction, so that
 * it can be told apart from database failures and rethrown to the caller unchanged.
 */
public final class InputFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputFailure(Throwable cause) {
        super(null, cause, false, false);
    }

    /** Throws {@code t} as it is, even a checked exception the calling method does not declare. */
    @SuppressWarnings("unchecked")
    public static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
