package org.pubky.core.homeserver.storage;

import java.util.Optional;
import org.pubky.core.homeserver.auth.AuthSession;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Action;
import org.pubky.core.path.StoragePath;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The storage authorization rules (reference {@code authorization.rs}): {@code /pub/} is
 * world-readable, {@code /priv/} owner-only, writes need the owner's session with a covering
 * {@code w} capability, and nothing outside those two roots is readable or writable. Stateless.
 */
public final class StorageAuthorizer {
    private StorageAuthorizer() {
    }

    /**
     * Checks a read (GET, HEAD, listing) of {@code path} in {@code owner}'s storage.
     *
     * @throws PubkyException 401 or 403 with the reference's messages
     */
    public static void authorizeRead(PublicKey owner, StoragePath path, Optional<AuthSession> session) {
        if (path.isPublic()) {
            return;
        }
        if (!path.isPrivate()) {
            throw forbidden("Reading from directories other than '/pub/' and '/priv/' is forbidden");
        }
        AuthSession s = session.orElseThrow(
                () -> new PubkyException(ErrorCode.UNAUTHORIZED, "Authentication required to read private storage"));
        if (!s.user().equals(owner)) {
            throw forbidden("Session user does not match target tenant");
        }
        if (!s.capabilities().covers(path, Action.READ)) {
            throw forbidden("Session does not have read access to path");
        }
    }

    /**
     * Checks a write (PUT, DELETE) of {@code path} in {@code owner}'s storage.
     *
     * @throws PubkyException 401 or 403 with the reference's messages
     */
    public static AuthSession authorizeWrite(PublicKey owner, StoragePath path, Optional<AuthSession> session) {
        AuthSession s = requireSession(session);
        if (!path.isInStorageRoot()) {
            throw forbidden("Writing to directories other than '/pub/' and '/priv/' is forbidden");
        }
        if (!s.user().equals(owner)) {
            throw forbidden("Session user does not match target tenant");
        }
        if (!s.capabilities().covers(path, Action.WRITE)) {
            throw forbidden("Session does not have write access to path");
        }
        return s;
    }

    /** The session, or 401 "No authenticated session found". */
    public static AuthSession requireSession(Optional<AuthSession> session) {
        return session.orElseThrow(() -> new PubkyException(ErrorCode.UNAUTHORIZED, "No authenticated session found"));
    }

    private static PubkyException forbidden(String message) {
        return new PubkyException(ErrorCode.FORBIDDEN, message);
    }
}
