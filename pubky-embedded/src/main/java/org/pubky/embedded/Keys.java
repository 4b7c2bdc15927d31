package org.pubky.embedded;

/** Configuration keys the embedded runtime reads (see docs/configuration.md). */
final class Keys {
    static final String DATA_DIR = "pubky.data-dir";
    static final String LISTEN = "pubky.listen";
    static final String CLIENT_PORT = "pubky.client.port";
    static final String ADMIN_PORT = "pubky.admin.port";
    static final String ADMIN_PASSWORD = "pubky.admin.password";
    static final String ADMIN_AUTHENTICATOR = "pubky.admin.authenticator";
    static final String METRICS_PORT = "pubky.metrics.port";
    static final String PKARR_RELAY_PORT = "pubky.pkarr-relay.port";
    static final String HTTP_RELAY_PORT = "pubky.http-relay.port";
    static final String HTTP_RELAY_MAX_BODY = "pubky.http-relay.max-body-bytes";
    static final String HTTP_RELAY_INBOX_TIMEOUT = "pubky.http-relay.inbox-timeout";
    static final String HTTP_RELAY_LINK_TIMEOUT = "pubky.http-relay.link-timeout";
    static final String HTTP_MAX_THREADS = "pubky.http.max-threads";
    static final String HTTP_MAX_HEADER_BYTES = "pubky.http.max-header-bytes";
    static final String HTTP_IDLE_TIMEOUT = "pubky.http.idle-timeout";
    static final String HTTP_STOP_TIMEOUT = "pubky.http.stop-timeout";

    private Keys() {
    }
}
