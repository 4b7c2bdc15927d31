package org.pubky.core.homeserver.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pubky.core.homeserver.auth.AuthSession;
import org.pubky.core.homeserver.storage.StorageAuthorizer;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.StoragePath;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Which path filters a client stream may use (HS-EVT-013 … 015, 033 … 040). Without filters the
 * stream sees {@code /pub/}. Every filter must pass the storage read rules: {@code /pub/} is open
 * to anyone; a filter outside both roots is refused; a {@code /priv/} filter needs a session (401),
 * exactly one {@code user} (403, "A private read must be scoped to exactly one user"), a session
 * of that user (403) whose capabilities read-cover the filter (403). The first failing filter, in
 * request order, decides the answer. Stateless.
 */
public final class StreamAuthorizer {
    /** The filter of a stream that names none. */
    public static final String DEFAULT_FILTER = StoragePath.PUBLIC_ROOT;

    private StreamAuthorizer() {
    }

    /**
     * The tenant a private stream is scoped to: the only user when a filter is private and exactly
     * one {@code user} value was given; otherwise none (public stream, or a private request that
     * will be refused). Its cookie is the only one a stream considers.
     */
    public static Optional<PublicKey> privateTenant(StreamRequest request) {
        if (!request.wantsPrivate() || request.users().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(request.users().get(0).user());
    }

    /**
     * The filters the stream runs with, in request order.
     *
     * @throws PubkyException 401 or 403 with the reference's messages
     */
    public static List<String> authorize(StreamRequest request, Optional<AuthSession> session) {
        if (request.paths().isEmpty()) {
            return List.of(DEFAULT_FILTER);
        }
        Optional<PublicKey> tenant = privateTenant(request);
        List<String> filters = new ArrayList<>(request.paths().size());
        for (StoragePath path : request.paths()) {
            if (tenant.isPresent()) {
                StorageAuthorizer.authorizeRead(tenant.get(), path, session);
            } else if (!path.isPublic()) {
                authorizeWithoutTenant(path, session);
            }
            filters.add(path.value());
        }
        return List.copyOf(filters);
    }

    private static void authorizeWithoutTenant(StoragePath path, Optional<AuthSession> session) {
        if (!path.isPrivate()) {
            throw new PubkyException(ErrorCode.FORBIDDEN,
                    "Reading from directories other than '/pub/' and '/priv/' is forbidden");
        }
        if (session.isEmpty()) {
            throw new PubkyException(ErrorCode.UNAUTHORIZED, "Authentication required to read private storage");
        }
        throw new PubkyException(ErrorCode.FORBIDDEN, "A private read must be scoped to exactly one user");
    }
}
