package org.pubky.core.relay;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The HTTP relay that carries authentication payloads between an authenticator (Pubky Ring) and
 * an app: the {@code /inbox/{id}} store-and-forward channels with explicit acknowledgement and
 * the legacy {@code /link/{id}} hand-off, as {@code pubky/http-relay} 0.7 serves them.
 *
 * <p>Waiting is expressed with {@link CompletableFuture}s so the HTTP layer can park requests
 * without holding threads; it applies its own timeouts and must call {@link #cancel} for futures
 * it abandons. Thread-safe (one monitor; every operation is short). Entries expire after their
 * time to live and the table is bounded.
 */
public final class HttpRelay {
    /** Longest accepted channel id, in characters. */
    public static final int MAX_ID_LENGTH = 256;

    private final Clock clock;
    private final Duration inboxTtl;
    private final Duration linkTtl;
    private final int maxEntries;
    private final int maxWaiters;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private int waiters;

    public HttpRelay(Clock clock, Duration inboxTtl, Duration linkTtl, int maxEntries, int maxWaiters) {
        this.clock = requireNonNull(clock, "clock is null");
        this.inboxTtl = requireNonNull(inboxTtl, "inboxTtl is null");
        this.linkTtl = requireNonNull(linkTtl, "linkTtl is null");
        this.maxEntries = maxEntries;
        this.maxWaiters = maxWaiters;
    }

    /** The reference defaults: inbox TTL 300 s, link TTL 10 min, 10 000 entries and waiters. */
    public static HttpRelay withDefaults(Clock clock) {
        return new HttpRelay(clock, Duration.ofSeconds(300), Duration.ofMinutes(10), 10_000, 10_000);
    }

    /** Validates a channel id. */
    public static String checkId(String id, String what) {
        if (id == null || id.isEmpty()) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, what + " is empty");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, what + " too long");
        }
        return id;
    }

    /** {@code POST /inbox/{id}}: stores (or replaces) the message and wakes waiting consumers. */
    public void store(String id, RelayMessage message) {
        List<CompletableFuture<RelayMessage>> wake;
        synchronized (this) {
            Channel channel = park(id, message, inboxTtl);
            wake = drain(channel.consumers);
        }
        wake.forEach(f -> f.complete(message));
    }

    /**
     * {@code GET /inbox/{id}}: the stored message (it stays until acknowledged), or a future that
     * completes when one is stored.
     */
    public CompletableFuture<RelayMessage> fetch(String id) {
        synchronized (this) {
            expire();
            Channel channel = channels.get(id);
            if (channel != null && channel.message != null && !channel.acked) {
                return CompletableFuture.completedFuture(channel.message);
            }
            if (channel == null) {
                channel = waitingChannel(id);
            }
            return register(channel.consumers);
        }
    }

    /**
     * {@code DELETE /inbox/{id}}: acknowledges the message, drops its body and wakes producers
     * waiting for the acknowledgement. Returns false if there is no message.
     */
    public boolean acknowledge(String id) {
        List<CompletableFuture<Boolean>> wake;
        synchronized (this) {
            expire();
            Channel channel = channels.get(id);
            if (channel == null || channel.message == null) {
                return false;
            }
            channel.acked = true;
            channel.message = null;
            wake = drain(channel.ackWaiters);
        }
        wake.forEach(f -> f.complete(Boolean.TRUE));
        return true;
    }

    /** {@code GET /inbox/{id}/ack}: whether the message was acknowledged; empty if none exists. */
    public synchronized Optional<Boolean> acknowledged(String id) {
        expire();
        Channel channel = channels.get(id);
        if (channel == null || (channel.message == null && !channel.acked)) {
            return Optional.empty();
        }
        return Optional.of(channel.acked);
    }

    /**
     * {@code GET /inbox/{id}/await}: completes with true once acknowledged; empty if there is no
     * message to wait for.
     */
    public synchronized Optional<CompletableFuture<Boolean>> awaitAcknowledgement(String id) {
        expire();
        Channel channel = channels.get(id);
        if (channel == null || (channel.message == null && !channel.acked)) {
            return Optional.empty();
        }
        if (channel.acked) {
            return Optional.of(CompletableFuture.completedFuture(Boolean.TRUE));
        }
        return Optional.of(register(channel.ackWaiters));
    }

    /**
     * {@code POST /link/{id}}: parks the message and completes when a consumer took it (legacy
     * synchronous hand-off).
     */
    public CompletableFuture<Boolean> linkProduce(String id, RelayMessage message) {
        List<CompletableFuture<RelayMessage>> wake;
        List<CompletableFuture<Boolean>> acks = List.of();
        CompletableFuture<Boolean> taken;
        synchronized (this) {
            Channel channel = park(id, message, linkTtl);
            taken = register(channel.ackWaiters);
            wake = drain(channel.consumers);
            if (!wake.isEmpty()) {
                acks = consume(channel);
            }
        }
        wake.forEach(f -> f.complete(message));
        acks.forEach(f -> f.complete(Boolean.TRUE));
        return taken;
    }

    /** {@code GET /link/{id}}: takes the message (acknowledging it), or waits for one. */
    public CompletableFuture<RelayMessage> linkConsume(String id) {
        List<CompletableFuture<Boolean>> wake;
        RelayMessage message;
        synchronized (this) {
            expire();
            Channel channel = channels.get(id);
            if (channel == null || channel.message == null || channel.acked) {
                if (channel == null) {
                    channel = waitingChannel(id);
                }
                return register(channel.consumers);
            }
            message = channel.message;
            wake = consume(channel);
        }
        wake.forEach(f -> f.complete(Boolean.TRUE));
        return CompletableFuture.completedFuture(message);
    }

    /** Forgets an abandoned future (timed out or disconnected) so it does not count as a waiter. */
    public synchronized void cancel(CompletableFuture<?> future) {
        for (Channel channel : channels.values()) {
            if (channel.consumers.remove(future) || channel.ackWaiters.remove(future)) {
                waiters--;
                break;
            }
        }
        future.cancel(false);
    }

    /** Number of channels currently held (for metrics and tests). */
    public synchronized int size() {
        expire();
        return channels.size();
    }

    /** Puts a fresh, unacknowledged message on the channel (moved to the end of the expiry order). */
    private Channel park(String id, RelayMessage message, Duration ttl) {
        expire();
        Channel channel = channels.remove(id);
        if (channel == null) {
            if (channels.size() >= maxEntries) {
                throw new PubkyException(ErrorCode.UNAVAILABLE, "Server at capacity");
            }
            channel = new Channel();
        }
        channel.message = message;
        channel.acked = false;
        channel.expiresAt = clock.instant().plus(ttl);
        channels.put(id, channel);
        return channel;
    }

    private List<CompletableFuture<Boolean>> consume(Channel channel) {
        channel.acked = true;
        channel.message = null;
        return drain(channel.ackWaiters);
    }

    private Channel waitingChannel(String id) {
        if (channels.size() >= maxEntries) {
            throw new PubkyException(ErrorCode.UNAVAILABLE, "Server at capacity");
        }
        Channel channel = new Channel();
        channel.expiresAt = clock.instant().plus(linkTtl);
        channels.put(id, channel);
        return channel;
    }

    private <T> CompletableFuture<T> register(List<CompletableFuture<T>> list) {
        if (waiters >= maxWaiters) {
            throw new PubkyException(ErrorCode.UNAVAILABLE, "Too many concurrent requests");
        }
        CompletableFuture<T> future = new CompletableFuture<>();
        list.add(future);
        waiters++;
        return future;
    }

    private <T> List<CompletableFuture<T>> drain(List<CompletableFuture<T>> list) {
        List<CompletableFuture<T>> out = new ArrayList<>(list);
        waiters -= list.size();
        list.clear();
        return out;
    }

    private void expire() {
        Instant now = clock.instant();
        Iterator<Channel> it = channels.values().iterator();
        while (it.hasNext()) {
            Channel channel = it.next();
            if (channel.expiresAt.isAfter(now)) {
                continue;
            }
            if (!channel.consumers.isEmpty() || !channel.ackWaiters.isEmpty()) {
                continue; // someone still waits on it; their own timeout ends the wait
            }
            it.remove();
        }
    }

    private static final class Channel {
        RelayMessage message;
        boolean acked;
        Instant expiresAt;
        final List<CompletableFuture<RelayMessage>> consumers = new ArrayList<>(1);
        final List<CompletableFuture<Boolean>> ackWaiters = new ArrayList<>(1);
    }
}
