package org.pubky.core.homeserver.events;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.pubky.core.homeserver.auth.AuthSession;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open stream, run as an actor on the service's worker pool: its tasks (history batches,
 * live deliveries, keep-alives, closing) run one at a time through a {@link SerialExecutor}, so
 * its cursors and its sink need no locks, and no thread waits for it while it is idle.
 *
 * <p>History is read in batches of up to {@value #BATCH} events. When a live stream has caught
 * up it joins the {@link LiveFanout}, which answers with the last id it has dispatched; the
 * stream reads the store up to that id and takes everything after it from the fan-out, whose
 * events queue up meanwhile. A stream whose queue outgrows the bound is too slow and is closed.
 */
final class EventStream {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    /** Events per store read, as the reference. */
    static final int BATCH = 100;

    private final EventService service;
    private final EventSelection selection;
    private final EventSink sink;
    private final Optional<AuthSession> session;
    private final boolean live;
    private final SerialExecutor serial;
    private final Queue<Event> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean keepAliveScheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean sinkClosed = new AtomicBoolean();

    // touched only by this stream's tasks
    private long remaining;
    private long joinedAt = -1;

    private volatile boolean historyDone;
    private volatile long lastWrite;
    private volatile long lastCheck;

    EventStream(EventService service, PreparedStream plan, EventSink sink) {
        this.service = service;
        this.selection = plan.selection();
        this.sink = sink;
        this.session = plan.session();
        this.live = plan.live();
        this.remaining = plan.limit().isPresent() ? plan.limit().getAsInt() : Long.MAX_VALUE;
        this.serial = new SerialExecutor(service.workers());
        long now = service.nanoTime();
        this.lastWrite = now;
        this.lastCheck = now;
    }

    void start() {
        serial.execute(this::history);
    }

    boolean isClosed() {
        return closed.get();
    }

    /** The credential this stream re-checks, if it shows private events. */
    Optional<AuthSession> session() {
        return session;
    }

    long lastCheck() {
        return lastCheck;
    }

    void checked(long at) {
        lastCheck = at;
    }

    /** Reads and sends one batch of history, then queues the next step. */
    private void history() {
        if (closed.get()) {
            return;
        }
        int want = (int) Math.min(BATCH, remaining);
        EventQuery query = selection.next(want);
        List<Event> batch;
        try {
            batch = query == null ? List.of() : service.log().read(query);
        } catch (RuntimeException e) {
            LOG.warn("reading events for a stream failed; closing it", e);
            close();
            return;
        }
        boolean caughtUp = batch.size() < want;
        for (Event event : batch) {
            if (joinedAt >= 0 && event.cursor() > joinedAt) {
                caughtUp = true; // from here on the fan-out delivers
                break;
            }
            if (!emit(event)) {
                return;
            }
        }
        if (!caughtUp) {
            serial.execute(this::history);
        } else if (!live) {
            close();
        } else if (joinedAt < 0) {
            joinedAt = service.fanout().join(this);
            serial.execute(this::history);
        } else {
            historyDone = true;
            drain();
        }
    }

    /**
     * Called by the fan-out with new events (any thread); keeps those this stream wants. A stream
     * that still has more than the bound queued from earlier deliveries is too slow and is closed;
     * one delivery may add a whole fan-out batch.
     */
    void deliver(List<Event> events) {
        if (closed.get()) {
            return;
        }
        if (pendingCount.get() > service.settings().maxPending()) {
            LOG.debug("closing a live event stream that fell more than {} events behind", service.settings().maxPending());
            close();
            return;
        }
        boolean added = false;
        for (Event event : events) {
            if (selection.matches(event)) {
                pending.add(event);
                pendingCount.incrementAndGet();
                added = true;
            }
        }
        if (added && historyDone && drainScheduled.compareAndSet(false, true)) {
            serial.execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        Event event;
        while (!closed.get() && (event = pending.poll()) != null) {
            pendingCount.decrementAndGet();
            if (selection.isNew(event) && !emit(event)) {
                return;
            }
        }
    }

    /** Sends one event; false once the stream is over (closed, client gone, limit reached). */
    private boolean emit(Event event) {
        if (closed.get()) {
            return false;
        }
        selection.advance(event);
        try {
            sink.send(EventText.name(event), EventText.data(event));
        } catch (IOException | RuntimeException e) {
            LOG.debug("event stream client gone: {}", e.toString());
            close();
            return false;
        }
        lastWrite = service.nanoTime();
        if (--remaining == 0) {
            close();
            return false;
        }
        return true;
    }

    /** Sends a keep-alive if the stream was idle for the interval; called by the service's timer. */
    void keepAliveIfIdle(long now, long intervalNanos) {
        if (now - lastWrite >= intervalNanos && !closed.get() && keepAliveScheduled.compareAndSet(false, true)) {
            serial.execute(() -> {
                keepAliveScheduled.set(false);
                if (closed.get()) {
                    return;
                }
                try {
                    sink.keepAlive();
                    lastWrite = service.nanoTime();
                } catch (IOException | RuntimeException e) {
                    close();
                }
            });
        }
    }

    /**
     * Ends the stream: nothing is sent after this returns (a send in progress completes), and the
     * response is closed by the stream's own task. Idempotent, any thread.
     */
    void close() {
        if (closed.compareAndSet(false, true)) {
            service.fanout().leave(this);
            service.forget(this);
            pending.clear();
            serial.execute(this::closeSink);
            if (serial.rejected()) {
                closeSink(); // the service is shutting down: no worker will do it
            }
        }
    }

    private void closeSink() {
        if (sinkClosed.compareAndSet(false, true)) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.debug("closing an event stream failed: {}", e.toString());
            }
        }
    }
}
