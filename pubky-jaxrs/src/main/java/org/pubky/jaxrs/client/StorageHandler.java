package org.pubky.jaxrs.client;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.pubky.core.hash.ContentHash;
import org.pubky.core.homeserver.Homeserver;
import org.pubky.core.homeserver.auth.AuthSession;
import org.pubky.core.homeserver.limits.Throttle;
import org.pubky.core.homeserver.limits.ThrottledInputStream;
import org.pubky.core.homeserver.limits.ThrottledOutputStream;
import org.pubky.jaxrs.common.Bodies;
import org.pubky.jaxrs.common.ClientAddress;
import org.pubky.jaxrs.common.HttpDates;
import org.pubky.jaxrs.common.PlainText;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.Entry;

/**
 * GET, HEAD, PUT and DELETE on a storage target, shared by the path-addressed and the legacy
 * routes: status codes, conditional requests and cache headers as the reference answers them.
 */
final class StorageHandler {
    /** Largest unread upload remainder read and discarded after an early refusal. */
    private static final long UNREAD_BODY_LIMIT = 8L * 1024 * 1024;

    private final Homeserver homeserver;

    StorageHandler(Homeserver homeserver) {
        this.homeserver = requireNonNull(homeserver, "homeserver is null");
    }

    String clientIp(jakarta.servlet.http.HttpServletRequest request, HttpHeaders headers) {
        return ClientAddress.of(request == null ? null : request.getRemoteAddr(), headers::getHeaderString,
                homeserver.settings().trustForwardedHeaders());
    }

    Optional<AuthSession> session(StorageTarget target, HttpHeaders headers) {
        return homeserver.credentials().resolve(RequestCredentials.of(headers), Optional.of(target.owner()), true);
    }

    Response get(StorageTarget target, HttpHeaders headers, String rawQuery, boolean head, String clientIp) {
        try {
            Optional<AuthSession> session = session(target, headers);
            if (target.path().isDirectory()) {
                if (head) {
                    homeserver.storage().find(target.owner(), target.path(), session);
                    return notFound(target);
                }
                return list(target, session, rawQuery);
            }
            Optional<Entry> entry = homeserver.storage().find(target.owner(), target.path(), session);
            if (head && !homeserver.storage().userExists(target.owner())) {
                return notFound(target);
            }
            if (entry.isEmpty()) {
                return notFound(target);
            }
            return file(target, entry.get(), headers, head, readThrottle(session, clientIp));
        } catch (PubkyException e) {
            return error(e, target);
        }
    }

    Response put(StorageTarget target, HttpHeaders headers, InputStream body) {
        try {
            if (target.path().isDirectory()) {
                throw new PubkyException(ErrorCode.INVALID_PATH, "Target path must be a file");
            }
            Optional<AuthSession> session = session(target, headers);
            InputStream in = session.flatMap(s -> homeserver.metadata().users().find(s.user().z32()))
                    .flatMap(homeserver.bandwidth()::userWrite)
                    .<InputStream>map(t -> new ThrottledInputStream(body, t)).orElse(body);
            homeserver.storage().put(target.owner(), target.path(), session, in, contentLength(headers));
            return Response.status(201).build();
        } catch (PubkyException e) {
            return rejectUpload(e, target, body);
        }
    }

    /**
     * An upload refused before (or while) its body was read: a small remainder is read and
     * discarded so the client sees the answer on a reusable connection; a large one is not worth
     * reading, so the connection is closed after the answer instead.
     */
    private static Response rejectUpload(PubkyException e, StorageTarget target, InputStream body) {
        boolean drained = Bodies.discard(body, UNREAD_BODY_LIMIT);
        Response response = error(e, target);
        return drained ? response : Response.fromResponse(response).header("Connection", "close").build();
    }

    Response delete(StorageTarget target, HttpHeaders headers) {
        try {
            if (target.path().isDirectory()) {
                throw new PubkyException(ErrorCode.INVALID_PATH, "Target path must be a file");
            }
            homeserver.storage().delete(target.owner(), target.path(), session(target, headers));
            return Response.noContent().build();
        } catch (PubkyException e) {
            return error(e, target);
        }
    }

    private Response list(StorageTarget target, Optional<AuthSession> session, String rawQuery) {
        ListingQuery query = ListingQuery.parse(rawQuery);
        List<String> paths = homeserver.storage().list(target.owner(), target.path(), query.cursor(), query.limit(),
                query.reverse(), query.shallow(), session);
        StringBuilder body = new StringBuilder(paths.size() * 96);
        String prefix = "pubky://" + target.owner().z32();
        for (String path : paths) {
            if (body.length() > 0) {
                body.append('\n');
            }
            body.append(prefix).append(path);
        }
        return CachePolicy.listing(Response.ok(body.toString(), PlainText.TYPE), target).build();
    }

    private Optional<Throttle> readThrottle(Optional<AuthSession> session, String clientIp) {
        if (session.isPresent()) {
            return homeserver.metadata().users().find(session.get().user().z32())
                    .flatMap(homeserver.bandwidth()::userRead);
        }
        return homeserver.bandwidth().anonymousRead(clientIp);
    }

    private Response file(StorageTarget target, Entry entry, HttpHeaders headers, boolean head,
            Optional<Throttle> throttle) {
        String etag = ContentHash.fromBytes(entry.contentHash()).etag();
        Instant modified = entry.modifiedAt().truncatedTo(ChronoUnit.SECONDS);
        if (notModified(headers, etag, modified)) {
            return CachePolicy.file(Response.notModified(), target)
                    .header("ETag", etag).header("Last-Modified", HttpDates.format(modified)).build();
        }
        Response.ResponseBuilder builder = Response.ok()
                .header("Content-Type", entry.contentType())
                .header("Content-Length", entry.length())
                .header("ETag", etag)
                .header("Last-Modified", HttpDates.format(modified));
        if (!head) {
            builder.entity((StreamingOutput) out -> copy(entry,
                    throttle.<OutputStream>map(t -> new ThrottledOutputStream(out, t)).orElse(out)));
        }
        return CachePolicy.file(builder, target).build();
    }

    private void copy(Entry entry, OutputStream out) throws java.io.IOException {
        try (InputStream in = homeserver.storage().open(entry)) {
            in.transferTo(out);
        }
    }

    private static boolean notModified(HttpHeaders headers, String etag, Instant modified) {
        String ifNoneMatch = headers.getHeaderString("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                if (tag.strip().equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        return HttpDates.parse(headers.getHeaderString("If-Modified-Since"))
                .map(since -> !since.isBefore(modified))
                .orElse(false);
    }

    private static OptionalLong contentLength(HttpHeaders headers) {
        String value = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Response notFound(StorageTarget target) {
        return error(new PubkyException(ErrorCode.NOT_FOUND, "Not Found"), target);
    }

    static Response error(PubkyException e, StorageTarget target) {
        return CachePolicy.error(Response.status(e.code().httpStatus()).type(PlainText.TYPE).entity(e.getMessage()),
                target).build();
    }
}
