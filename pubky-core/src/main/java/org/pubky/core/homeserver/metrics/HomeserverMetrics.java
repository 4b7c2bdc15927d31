package org.pubky.core.homeserver.metrics;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pubky.core.metrics.Counter;
import org.pubky.core.metrics.Gauge;
import org.pubky.core.metrics.Histogram;
import org.pubky.core.metrics.MetricsRegistry;
import org.pubky.spi.storage.MetadataStore;

/**
 * The homeserver's metrics. Names and labels of the reference's metrics are kept exactly
 * ({@code signup_count_total{otel_scope_name="pubky_homeserver"}}, {@code storage_request_count_total},
 * the {@code event_stream_*} family), so dashboards built for the reference work unchanged;
 * additions use the {@code http_server_*}, {@code pubky_*}, {@code jvm_*} and {@code process_*}
 * prefixes.
 *
 * <p>Label values are always from small fixed sets (route templates, enums, status codes): no
 * key, path, token or cookie is ever a label. Thread-safe.
 */
public final class HomeserverMetrics {
    /** The label every sample carries, as the reference's OpenTelemetry exporter writes it. */
    public static final Map<String, String> SCOPE = Map.of("otel_scope_name", "pubky_homeserver");

    private final MetricsRegistry registry = new MetricsRegistry(SCOPE);
    private final Histogram eventsDbQuery;
    private final Histogram eventStreamDbQuery;
    private final Counter broadcastLagged;
    private final Counter broadcastHalfFull;
    private final Gauge activeConnections;
    private final Histogram connectionDuration;
    private final Counter signups;
    private final Counter storageRequests;
    private final Counter httpRequests;
    private final Histogram httpDuration;

    /** @param metadata read at scrape time for the storage gauges */
    public HomeserverMetrics(MetadataStore metadata) {
        requireNonNull(metadata, "metadata is null");
        eventsDbQuery = registry.histogram("events_db_query_duration_ms",
                "Duration of /events database queries in milliseconds", Histogram.OTEL_DEFAULT_BUCKETS);
        eventStreamDbQuery = registry.histogram("event_stream_db_query_duration_ms",
                "Duration of /events-stream database queries in milliseconds", Histogram.OTEL_DEFAULT_BUCKETS);
        broadcastLagged = registry.counter("event_stream_broadcast_lagged_count",
                "Number of times event stream broadcast channel lagged");
        broadcastHalfFull = registry.counter("event_stream_broadcast_half_full_count",
                "Number of times event stream broadcast channel reached half capacity");
        activeConnections = registry.gauge("event_stream_active_connections",
                "Number of active event stream connections");
        connectionDuration = registry.histogram("event_stream_connection_duration_ms",
                "Duration of event stream connections in milliseconds", new double[] {10, 100, 1_000, 10_000, 100_000});
        signups = registry.counter("signup_count", "Total number of successful signups");
        storageRequests = registry.counter("storage_request_count",
                "Number of client storage requests by migration mode",
                "addressing_mode", "auth_method", "pubky_host_header", "pubky_host_query");
        httpRequests = registry.counter("http_server_requests",
                "HTTP requests by API, method, route template and status", "api", "method", "route", "status");
        httpDuration = registry.histogram("http_server_request_duration_seconds",
                "Time from request to response headers, by API, method, route template and status",
                Histogram.SECONDS_BUCKETS, "api", "method", "route", "status");
        registry.gaugeFunction("pubky_users", "Number of users", () -> metadata.users().stats().users());
        registry.gaugeFunction("pubky_users_disabled", "Number of disabled users",
                () -> metadata.users().stats().disabledUsers());
        registry.gaugeFunction("pubky_storage_used_bytes", "Storage in use over all users (length + 256 per file)",
                () -> metadata.users().stats().usedBytes());
        registry.gaugeFunction("pubky_events_last_cursor", "Cursor of the newest event in the event log",
                () -> metadata.events().lastCursor());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        registry.gaugeFunction("jvm_memory_heap_used_bytes", "Heap memory in use",
                () -> memory.getHeapMemoryUsage().getUsed());
        registry.gaugeFunction("jvm_memory_nonheap_used_bytes", "Non-heap memory in use",
                () -> memory.getNonHeapMemoryUsage().getUsed());
        registry.gaugeFunction("jvm_threads_live", "Live threads", threads::getThreadCount);
        registry.gaugeFunction("process_uptime_seconds", "Time since the JVM started",
                () -> runtime.getUptime() / 1000.0);
    }

    /** The registry, to scrape or to add metrics of a component. */
    public MetricsRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    /** A user was created (cookie or grant signup). */
    public void recordSignup() {
        signups.inc();
    }

    /** A storage request whose tenant was resolved. */
    public void recordStorageRequest(AddressingMode mode, AuthMethod auth, HostHeader hostHeader,
            boolean hostQuery) {
        storageRequests.inc(mode.label(), auth.label(), hostHeader.label(), Boolean.toString(hostQuery));
    }

    /**
     * One HTTP request answered.
     *
     * @param route the route template (never the request path)
     */
    public void recordHttpRequest(String api, String method, String route, int status, long nanos) {
        String code = Integer.toString(status);
        httpRequests.inc(api, method, route, code);
        httpDuration.observe(nanos / 1e9, api, method, route, code);
    }

    /** A {@code /events} database query took this long. */
    public void recordEventsDbQuery(long millis) {
        eventsDbQuery.observe(millis);
    }

    /** An {@code /events-stream} database query took this long. */
    public void recordEventStreamDbQuery(long millis) {
        eventStreamDbQuery.observe(millis);
    }

    /** A live stream fell behind the broadcast of new events. */
    public void recordBroadcastLagged() {
        broadcastLagged.inc();
    }

    /** The broadcast of new events reached half its capacity. */
    public void recordBroadcastHalfFull() {
        broadcastHalfFull.inc();
    }

    /**
     * An event stream opened: counts it as active until the returned handle is closed, which
     * also records how long it was open. Closing twice counts once.
     */
    public StreamConnection eventStreamOpened() {
        activeConnections.inc();
        return new StreamConnection(System.nanoTime());
    }

    /** An open event stream; close it on every exit path. */
    public final class StreamConnection implements AutoCloseable {
        private final long startNanos;
        private final AtomicBoolean closed = new AtomicBoolean();

        private StreamConnection(long startNanos) {
            this.startNanos = startNanos;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                activeConnections.dec();
                connectionDuration.observe(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
            }
        }
    }

    /** How a storage request addressed its tenant. */
    public enum AddressingMode {
        /** {@code /storage/{owner}/…}. */
        PATH,
        /** Owner-relative, tenant from {@code Host} or {@code pubky-host}. */
        LEGACY;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which credential a storage request authenticated with. */
    public enum AuthMethod {
        NONE, COOKIE, GRANT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a {@code pubky-host} header relates to the resolved tenant. */
    public enum HostHeader {
        ABSENT, MATCHING, OTHER;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
