package org.pubky.jaxrs.common;

import java.net.InetAddress;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The client's IP address: the peer address, or — when the homeserver sits behind a proxy and is
 * configured to trust it — the first parsable address of {@code X-Forwarded-For}, else
 * {@code X-Real-IP} (the reference always trusts those headers; we do only when told, since a
 * client can otherwise choose its own rate-limit key).
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    /**
     * @param peer the socket peer's address
     * @param headers looks up a request header by name
     */
    public static String of(String peer, UnaryOperator<String> headers, boolean trustForwarded) {
        if (trustForwarded) {
            String forwarded = headers.apply("X-Forwarded-For");
            if (forwarded != null) {
                for (String part : forwarded.split(",")) {
                    Optional<String> ip = literal(part.strip());
                    if (ip.isPresent()) {
                        return ip.get();
                    }
                }
            }
            Optional<String> real = literal(headers.apply("X-Real-IP"));
            if (real.isPresent()) {
                return real.get();
            }
        }
        return peer == null ? "unknown" : peer;
    }

    /** The address if {@code text} is an IP literal (never resolves names). */
    static Optional<String> literal(String text) {
        if (text == null || text.isEmpty() || !text.matches("[0-9a-fA-F.:\\[\\]]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text.replace("[", "").replace("]", "")).getHostAddress());
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }
}
