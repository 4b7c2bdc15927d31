package org.pubky.store.files;

/**
 * Carries, inside the store, an exception thrown by the caller's input stream, so that it can be
 * told apart from the file system's own failures and rethrown to the caller unchanged.
 */
final class InputFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputFailure(Throwable cause) {
        super(null, cause, false, false);
    }

    /**
     * Throws {@code t} as it is, even if it is a checked exception the calling method does not
     * declare: the SPI promises that the input's own failure reaches the caller unchanged.
     */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
