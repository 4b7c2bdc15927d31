package org.pubky.core.pkarr;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * What a homeserver announces about itself in its own PKARR packet
 * ({@link PubkyRecords#homeserverRecords}).
 *
 * @param publicIp the address clients reach it at (A or AAAA record, and the address hint)
 * @param pubkyTlsPort the Pubky TLS port, empty while no Pubky TLS listener runs (then the
 *     direct-endpoint record is left out so native clients use the ICANN endpoint)
 * @param icannDomain the ICANN domain, if any
 * @param icannHttpPort the public HTTP port, published (key 65280) only for {@code localhost}
 */
public record HomeserverEndpoints(InetAddress publicIp, OptionalInt pubkyTlsPort, Optional<String> icannDomain,
        int icannHttpPort) {
    public HomeserverEndpoints {
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(pubkyTlsPort, "pubkyTlsPort is null");
        requireNonNull(icannDomain, "icannDomain is null");
        checkPort(icannHttpPort);
        pubkyTlsPort.ifPresent(HomeserverEndpoints::checkPort);
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 0xffff) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "port must be 0 to 65535, got " + port);
        }
    }
}
