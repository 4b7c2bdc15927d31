package org.pubky.jaxrs.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.core.keys.Keypair;

final class SessionCookiesTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "127.0.0.1", "homeserver", "testnet", "167.86.102.121",
            "[2001:0db8:0000:0000:0000:ff00:0042:8329]", "localhost", "localhost:23423"})
    void insecureHostsGetNoSecureAttribute(String host) {
        assertThat(SessionCookies.isSecure(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "homeserver.pubky.app", "8pinxxgqs41n4aididenw5apqp1urfmzdztr8jt4abrkdn435ewo"})
    void keysAndDottedDomainsAreSecure(String host) {
        assertThat(SessionCookies.isSecure(host)).isTrue();
    }

    @Test
    void sessionCookieCarriesTheReferenceAttributes() {
        Keypair key = Keypair.fromSecret(new byte[32]);
        String cookie = SessionCookies.session(key.publicKey(), "6HHZ06GHB964CZMDAA0WCNV2C8", "example.com",
                Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(cookie).isEqualTo("8pinxxgqs41n4aididenw5apqp1urfmzdztr8jt4abrkdn435ewo=6HHZ06GHB964CZMDAA0WCNV2C8; "
                + "HttpOnly; Path=/; Max-Age=31536000; Expires=Fri, 01 Jan 2027 00:00:00 GMT; Secure; SameSite=None");
        assertThat(SessionCookies.session(key.publicKey(), "X", "localhost", Instant.EPOCH)).doesNotContain("Secure");
    }
}
