package org.pubky.jaxrs.admin;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pubky.core.hash.ContentHash;
import org.pubky.core.homeserver.Homeserver;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.StoragePath;
import org.pubky.jaxrs.common.HttpDates;
import org.pubky.jaxrs.common.PlainText;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.auth.AdminAuthenticator;
import org.pubky.spi.storage.Entry;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.PutOutcome;
import org.pubky.spi.storage.UserRecord;

/**
 * A WebDAV subset over every user's files for repair: {@code /dav/} lists users,
 * {@code /dav/{key}/{path}} a user's directories and files. Supported: {@code GET} (a file's
 * bytes, or an HTML index of a directory), {@code PUT} (no collision checks, the quota still
 * applies), {@code DELETE} (one file, with its DEL event), {@code PROPFIND} (depth 0 or 1) and
 * {@code OPTIONS}. Credentials: HTTP Basic {@code admin:<password>}, else 401 with
 * {@code WWW-Authenticate: Basic}. Listings show at most {@value #MAX_LISTING} children.
 *
 * <p>As in the reference, a PUT over the quota answers 500 (its client API answers 507).
 */
@Path("/dav")
public final class AdminDavResource {
    static final int MAX_LISTING = 1000;

    private final Homeserver homeserver;
    private final AdminAuthenticator authenticator;

    AdminDavResource(Homeserver homeserver, AdminAuthenticator authenticator) {
        this.homeserver = requireNonNull(homeserver, "homeserver is null");
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
    }

    @OPTIONS
    @Path("{any: .*}")
    public Response options() {
        return Response.ok().header("DAV", "1").header("Allow", "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND").build();
    }

    @GET
    @Path("{any: .*}")
    public Response get(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return guarded(authorization, () -> {
            Target target = Target.of(uri);
            if (target.user().isEmpty() || target.path().isDirectory()) {
                return Response.ok(index(target, children(target)), "text/html; charset=utf-8").build();
            }
            Entry entry = homeserver.metadata().entries().find(target.user().get().z32(), target.path().value())
                    .orElseThrow(() -> new PubkyException(ErrorCode.NOT_FOUND, "Not Found"));
            StreamingOutput body = out -> {
                try (InputStream in = homeserver.storage().open(entry)) {
                    in.transferTo(out);
                }
            };
            return Response.ok(body, entry.contentType()).header("Content-Length", entry.length()).build();
        });
    }

    @PUT
    @Path("{any: .*}")
    public Response put(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            InputStream body) {
        return guarded(authorization, () -> {
            Target target = Target.of(uri);
            if (target.user().isEmpty() || target.path().isDirectory()) {
                throw new PubkyException(ErrorCode.MALFORMED_INPUT, "PUT needs a file path below a user");
            }
            PutOutcome outcome;
            try {
                outcome = homeserver.storage().adminPut(target.user().get(), target.path(), body);
            } catch (PubkyException e) {
                if (e.code() == ErrorCode.QUOTA_EXCEEDED) {
                    return PlainText.response(500, e.getMessage());
                }
                throw e;
            }
            return Response.status(outcome.replaced().isPresent() ? 204 : 201).build();
        });
    }

    @DELETE
    @Path("{any: .*}")
    public Response delete(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return guarded(authorization, () -> {
            Target target = Target.of(uri);
            if (target.user().isEmpty() || target.path().isDirectory()) {
                throw new PubkyException(ErrorCode.MALFORMED_INPUT, "DELETE needs a file path below a user");
            }
            homeserver.storage().adminDelete(target.user().get(), target.path());
            return Response.noContent().build();
        });
    }

    @PROPFIND
    @Path("{any: .*}")
    public Response propfind(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Depth") String depth) {
        return guarded(authorization, () -> {
            Target target = Target.of(uri);
            DavXml xml = new DavXml();
            if (target.user().isPresent() && target.path().isFile()) {
                Entry entry = homeserver.metadata().entries().find(target.user().get().z32(), target.path().value())
                        .orElseThrow(() -> new PubkyException(ErrorCode.NOT_FOUND, "Not Found"));
                file(xml, target.href(), entry);
            } else {
                if (target.user().isPresent() && !target.path().isRoot() && !homeserver.metadata().entries()
                        .directoryExists(target.user().get().z32(), target.path().value())) {
                    throw new PubkyException(ErrorCode.NOT_FOUND, "Not Found");
                }
                xml.collection(target.href());
                if (!"0".equals(depth)) {
                    for (String child : children(target)) {
                        String href = target.href() + StoragePath.parse("/" + child).urlEncode().substring(1);
                        if (child.endsWith("/")) {
                            xml.collection(href);
                        } else {
                            file(xml, href, homeserver.metadata().entries().find(target.user().get().z32(),
                                    target.path().value() + child).orElseThrow());
                        }
                    }
                }
            }
            return Response.status(207).type("application/xml; charset=utf-8").entity(xml.finish()).build();
        });
    }

    private static void file(DavXml xml, String href, Entry entry) {
        xml.file(href, entry.length(), entry.contentType(), HttpDates.format(entry.modifiedAt()),
                ContentHash.fromBytes(entry.contentHash()).etag());
    }

    /** Names of the children: users at the root ({@code key/}), else entries ({@code dir/}, {@code file}). */
    private List<String> children(Target target) {
        List<String> names = new ArrayList<>();
        if (target.user().isEmpty()) {
            for (UserRecord user : homeserver.metadata().users().list(Optional.empty(), MAX_LISTING)) {
                names.add(user.user() + "/");
            }
            return names;
        }
        String directory = target.path().value();
        for (String path : homeserver.metadata().entries().list(new ListQuery(target.user().get().z32(), directory,
                Optional.empty(), MAX_LISTING, false, true))) {
            names.add(path.substring(directory.length()));
        }
        return names;
    }

    private static String index(Target target, List<String> children) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Index of ")
                .append(DavXml.escape(target.href())).append("</title></head><body><h1>Index of ")
                .append(DavXml.escape(target.href())).append("</h1><ul>");
        for (String child : children) {
            String href = target.href() + StoragePath.parse("/" + child).urlEncode().substring(1);
            html.append("<li><a href=\"").append(DavXml.escape(href)).append("\">").append(DavXml.escape(child))
                    .append("</a></li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    private Response guarded(String authorization, java.util.function.Supplier<Response> action) {
        try {
            authenticator.authenticate(DavBasicAuth.request(authorization));
        } catch (PubkyException e) {
            return Response.status(401).header("WWW-Authenticate", "Basic").type(PlainText.TYPE).entity("Unauthorized")
                    .build();
        }
        return action.get();
    }

    /** The user and path a {@code /dav/…} URL names; the root has no user. */
    private record Target(Optional<PublicKey> user, StoragePath path) {
        static Target of(UriInfo uri) {
            String rest = uri.getPath(true);
            rest = rest.startsWith("/") ? rest.substring(1) : rest;
            rest = rest.substring("dav".length());
            if (rest.isEmpty() || rest.equals("/")) {
                return new Target(Optional.empty(), StoragePath.ROOT);
            }
            int slash = rest.indexOf('/', 1);
            String key = slash < 0 ? rest.substring(1) : rest.substring(1, slash);
            PublicKey user = AdminKeys.parse(key);
            String path = slash < 0 ? "/" : rest.substring(slash);
            return new Target(Optional.of(user), StoragePath.parse(path));
        }

        String href() {
            return user.map(u -> "/dav/" + u.z32() + path.urlEncode()).orElse("/dav/");
        }
    }
}
