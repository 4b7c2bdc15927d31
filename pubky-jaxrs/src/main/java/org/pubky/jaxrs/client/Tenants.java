package org.pubky.jaxrs.client;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.pubky.core.keys.PublicKey;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The legacy owner-relative tenant ("a terrible hack" in the reference, still served): the key in
 * {@code Host}, overridden by a {@code pubky-host} header that parses, else the first
 * {@code pubky-host=} query parameter (not URL-decoded). Display-form keys ({@code pubky<z32>})
 * are skipped.
 */
final class Tenants {
    static final String PUBKY_HOST = "pubky-host";

    private Tenants() {
    }

    static Optional<PublicKey> legacy(HttpHeaders headers, String rawQuery) {
        return legacy(headers::getHeaderString, rawQuery);
    }

    static Optional<PublicKey> legacy(UnaryOperator<String> headers, String rawQuery) {
        Optional<PublicKey> tenant = parse(hostWithoutPort(headers.apply(HttpHeaders.HOST)));
        Optional<PublicKey> header = parse(headers.apply(PUBKY_HOST));
        if (header.isPresent()) {
            tenant = header;
        }
        if (tenant.isEmpty() && rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.startsWith(PUBKY_HOST + "=")) {
                    tenant = parse(pair.substring(PUBKY_HOST.length() + 1));
                    break;
                }
            }
        }
        return tenant;
    }

    /** The tenant, or 400 "Missing request tenant". */
    static PublicKey requireLegacy(HttpHeaders headers, String rawQuery) {
        return legacy(headers, rawQuery)
                .orElseThrow(() -> new PubkyException(ErrorCode.MALFORMED_INPUT, "Missing request tenant"));
    }

    static Optional<PublicKey> parse(String text) {
        if (text == null || text.isEmpty() || PublicKey.isDisplayForm(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PublicKey.parse(text));
        } catch (PubkyException e) {
            return Optional.empty();
        }
    }

    private static String hostWithoutPort(String host) {
        if (host == null) {
            return null;
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
    }
}
