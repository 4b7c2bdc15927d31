package org.pubky.store.files;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Carries, inside the store, an exception thrown by the caller's input stream, so that it can be
 * told apart from the file system's own failures and handed back to the caller untouched.
 */
final class InputFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputFailure(Throwable cause) {
        super(null, cause, false, false);
    }

    /**
     * What to throw to the caller: a runtime exception or error as the same instance, an
     * {@link IOException} wrapped in an {@link UncheckedIOException} (the closest Java allows to
     * "as is" for a checked exception in a method that declares none), and any other checked
     * exception (which only a stream cheating the compiler can throw) as the same instance too.
     */
    RuntimeException unwrap() {
        Throwable cause = getCause();
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return InputFailure.<RuntimeException>sneaky(cause);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
