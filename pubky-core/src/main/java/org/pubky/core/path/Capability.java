package org.pubky.core.path;

import static java.util.Objects.requireNonNull;

import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * One grant of access: a canonical {@link StoragePath} scope and the actions allowed under it,
 * written {@code <scope>:<actions>} ({@code /pub/my-app/:rw}). Actions are written {@code r}
 * before {@code w}, each at most once.
 *
 * <p>The trailing slash of the scope is significant: a directory scope ({@code /pub/app/}) covers
 * itself and everything below it; a file scope ({@code /pub/app}) covers exactly that path, never
 * {@code /pub/app/x} nor the string-prefix neighbour {@code /pub/app-evil}.
 *
 * <p>Immutable and thread-safe. All errors are {@link ErrorCode#INVALID_CAPABILITIES} with the
 * reference's wording.
 *
 * @param scope canonical path without {@code :} or {@code ,}
 * @param read whether {@code r} is granted
 * @param write whether {@code w} is granted
 */
public record Capability(StoragePath scope, boolean read, boolean write) {
    private static final Capability ROOT = new Capability(StoragePath.ROOT, true, true);

    public Capability {
        requireNonNull(scope, "scope is null");
        checkDelimiters(scope.value());
        if (!read && !write) {
            throw invalid("capability must contain at least one action");
        }
    }

    /** {@code /:rw}: everything. */
    public static Capability root() {
        return ROOT;
    }

    /**
     * A capability for a scope given as text.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_CAPABILITIES} if the scope is not a canonical
     *     path, holds {@code :} or {@code ,}, or no action is granted
     */
    public static Capability of(String scope, boolean read, boolean write) {
        return new Capability(parseScope(scope), read, write);
    }

    /**
     * Parses {@code <scope>:<actions>}. Checks run in the reference's order: the {@code :}, the
     * actions, then the scope.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_CAPABILITIES} on any error
     */
    public static Capability parse(String text) {
        requireNonNull(text, "text is null");
        int colon = text.indexOf(':');
        if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
            throw invalid("capability must have format `<scope>:<actions>`");
        }
        if (colon == text.length() - 1) {
            throw invalid("capability must contain at least one action");
        }
        boolean read = false;
        boolean write = false;
        for (int i = colon + 1; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp == 'r') {
                read = true;
            } else if (cp == 'w') {
                write = true;
            } else {
                throw invalid("invalid capability action `" + new String(Character.toChars(cp)) + "`");
            }
            i += Character.charCount(cp);
        }
        return new Capability(parseScope(text.substring(0, colon)), read, write);
    }

    /** True if this capability allows {@code action}. */
    public boolean allows(Action action) {
        return action == Action.READ ? read : write;
    }

    /** True if {@code path} is the scope itself or, for a directory scope, lies below it. */
    public boolean coversPath(StoragePath path) {
        return scope.equals(path) || scope.contains(path);
    }

    /** True if this capability allows {@code action} on {@code path}. */
    public boolean covers(StoragePath path, Action action) {
        return allows(action) && coversPath(path);
    }

    /** True if everything {@code other} allows is allowed by this capability too. */
    public boolean covers(Capability other) {
        return coversPath(other.scope) && (read || !other.read) && (write || !other.write);
    }

    /** True for {@code /:rw}. */
    public boolean isRoot() {
        return equals(ROOT);
    }

    /** The wire form {@code <scope>:<actions>}. */
    @Override
    public String toString() {
        return scope.value() + ':' + (read ? "r" : "") + (write ? "w" : "");
    }

    private static StoragePath parseScope(String scope) {
        requireNonNull(scope, "scope is null");
        checkDelimiters(scope);
        try {
            return new StoragePath(scope);
        } catch (PubkyException e) {
            throw invalid("invalid capability scope: " + e.getMessage());
        }
    }

    private static void checkDelimiters(String scope) {
        if (scope.indexOf(':') >= 0) {
            throw invalid("capability scope contains reserved delimiter `:`");
        }
        if (scope.indexOf(',') >= 0) {
            throw invalid("capability scope contains reserved delimiter `,`");
        }
    }

    static PubkyException invalid(String message) {
        return new PubkyException(ErrorCode.INVALID_CAPABILITIES, message);
    }
}
