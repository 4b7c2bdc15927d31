package org.pubky.dht.mainline;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one node, all monotonic. Thread-safe and lock-free; read them with the accessors or
 * {@link #snapshot()} (a consistent-enough copy for logs and tests; individual counters may move
 * between reads).
 */
public final class NodeMetrics {
    /** Why a datagram was dropped without being handled. */
    public enum Drop {
        /** Not a canonical bencoded dictionary, or a dictionary that is not a KRPC message. */
        MALFORMED,
        /** Larger than {@link MainlineNode#MAX_DATAGRAM_BYTES}. */
        OVERSIZED,
        /** A response or error whose transaction id or sender address matches nothing we sent. */
        UNMATCHED,
        /** A query from an IP over its rate limit. */
        RATE_LIMITED,
        /** A query while the node is a read-only client. */
        NOT_SERVING,
        /** A handler failed unexpectedly (a bug; logged). */
        INTERNAL_ERROR
    }

    private final LongAdder received = new LongAdder();
    private final LongAdder queriesReceived = new LongAdder();
    private final LongAdder responsesReceived = new LongAdder();
    private final LongAdder errorsReceived = new LongAdder();
    private final LongAdder queriesSent = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder sendFailures = new LongAdder();
    private final EnumMap<Drop, LongAdder> dropped = new EnumMap<>(Drop.class);
    private final Map<Integer, LongAdder> errorsSent = new ConcurrentHashMap<>();

    NodeMetrics() {
        for (Drop d : Drop.values()) {
            dropped.put(d, new LongAdder());
        }
    }

    void recordReceived() {
        received.increment();
    }

    void queryReceived() {
        queriesReceived.increment();
    }

    void responseReceived() {
        responsesReceived.increment();
    }

    void errorReceived() {
        errorsReceived.increment();
    }

    void querySent() {
        queriesSent.increment();
    }

    void timeout() {
        timeouts.increment();
    }

    void sendFailed() {
        sendFailures.increment();
    }

    void recordDrop(Drop reason) {
        dropped.get(reason).increment();
    }

    void errorSent(int code) {
        errorsSent.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** Datagrams received, whatever became of them. */
    public long received() {
        return received.sum();
    }

    public long queriesReceived() {
        return queriesReceived.sum();
    }

    public long responsesReceived() {
        return responsesReceived.sum();
    }

    public long errorsReceived() {
        return errorsReceived.sum();
    }

    public long queriesSent() {
        return queriesSent.sum();
    }

    /** Our queries that got no answer in time. */
    public long timeouts() {
        return timeouts.sum();
    }

    public long sendFailures() {
        return sendFailures.sum();
    }

    public long dropped(Drop reason) {
        return dropped.get(reason).sum();
    }

    /** All drops, whatever the reason. */
    public long droppedTotal() {
        return dropped.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** KRPC error answers we sent with {@code code}. */
    public long errorsSent(int code) {
        LongAdder a = errorsSent.get(code);
        return a == null ? 0 : a.sum();
    }

    /** Every counter by name ({@code dropped.MALFORMED}, {@code errors_sent.302}, …), sorted. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        out.put("received", received());
        out.put("queries_received", queriesReceived());
        out.put("responses_received", responsesReceived());
        out.put("errors_received", errorsReceived());
        out.put("queries_sent", queriesSent());
        out.put("timeouts", timeouts());
        out.put("send_failures", sendFailures());
        dropped.forEach((k, v) -> out.put("dropped." + k, v.sum()));
        errorsSent.forEach((k, v) -> out.put("errors_sent." + k, v.sum()));
        return out;
    }

    @Override
    public String toString() {
        return "NodeMetrics" + snapshot();
    }
}
