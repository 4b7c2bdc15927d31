package org.pubky.core.homeserver.events;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventLog;
import org.pubky.spi.storage.EventQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live side of every stream of one homeserver: one {@link EventLog#subscribe} subscription,
 * one reader, any number of live streams.
 *
 * <p>A store notification (which may be coalesced, and with a shared database may come from
 * another instance) only marks the fan-out dirty; one task then reads everything after the last
 * dispatched id, in batches of {@value #BATCH}, and hands each batch to every joined stream,
 * which filters it in memory. So a write costs one store read however many streams are open.
 * The service's timer also wakes it every poll interval while streams are joined, which covers
 * lost notifications and stores that cannot notify across instances.
 *
 * <p>Joining and dispatching agree on one id under one lock: a stream that joins at id {@code j}
 * receives every dispatched event above {@code j} and reads the rest from the store itself.
 * Thread-safe.
 */
final class LiveFanout implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFanout.class);
    static final int BATCH = 1000;

    private final EventLog log;
    private final SerialExecutor reader;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final Object lock = new Object();
    // guarded by lock
    private final Set<EventStream> members = new LinkedHashSet<>();
    private EventStream[] snapshot = new EventStream[0];
    private EventLog.Subscription subscription;
    private long dispatched;
    private boolean closed;

    LiveFanout(EventLog log, Executor workers) {
        this.log = requireNonNull(log, "log is null");
        this.reader = new SerialExecutor(workers);
    }

    /**
     * Adds a live stream.
     *
     * @return the id up to which the stream must read the store itself
     */
    long join(EventStream stream) {
        synchronized (lock) {
            if (closed) {
                stream.close();
                return Long.MAX_VALUE;
            }
            if (subscription == null) {
                subscription = log.subscribe(this::wake);
            }
            if (members.isEmpty()) {
                // nobody needs older events: skip whatever arrived while nobody listened
                dispatched = log.lastCursor();
            }
            members.add(stream);
            snapshot = members.toArray(new EventStream[0]);
            return dispatched;
        }
    }

    void leave(EventStream stream) {
        synchronized (lock) {
            if (members.remove(stream)) {
                snapshot = members.toArray(new EventStream[0]);
            }
        }
    }

    int size() {
        synchronized (lock) {
            return members.size();
        }
    }

    /** Asks for a read of new events; cheap and safe on any thread (the store's listener). */
    void wake() {
        if (wakePending.compareAndSet(false, true)) {
            reader.execute(this::dispatch);
        }
    }

    private void dispatch() {
        wakePending.set(false);
        try {
            while (true) {
                long from;
                synchronized (lock) {
                    if (members.isEmpty() || closed) {
                        return;
                    }
                    from = dispatched;
                }
                List<Event> batch = log.read(new EventQuery(Map.of(), from, List.of(), BATCH, false));
                if (batch.isEmpty()) {
                    return;
                }
                EventStream[] targets;
                synchronized (lock) {
                    if (dispatched != from) {
                        continue; // a join on an empty fan-out moved the start; read again
                    }
                    dispatched = batch.get(batch.size() - 1).cursor();
                    targets = snapshot;
                }
                for (EventStream stream : targets) {
                    stream.deliver(batch);
                }
                if (batch.size() < BATCH) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("reading new events for live streams failed; retrying on the next poll", e);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            members.clear();
            snapshot = new EventStream[0];
            if (subscription != null) {
                subscription.close();
                subscription = null;
            }
        }
    }
}
