package org.pubky.core.homeserver.events;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pubky.core.homeserver.auth.AuthSession;
import org.pubky.core.homeserver.auth.CredentialResolver;
import org.pubky.core.homeserver.auth.Credentials;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.StoragePath;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventLog;
import org.pubky.spi.storage.EventQuery;
import org.pubky.spi.storage.MetadataStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one homeserver as clients read them: the legacy public feed, client streams and
 * admin streams (see {@code docs/events.md}).
 *
 * <p>A stream is answered in two steps so that every error is an ordinary HTTP error: {@link
 * #prepare} (or {@link #prepareAdmin}) runs every check and throws {@link PubkyException} with the
 * reference's status and message; only then does the HTTP layer open the event-stream response
 * and hand its sink to {@link #start}. From there the stream runs on this service's workers, and
 * no thread is held while it waits for events.
 *
 * <p>Thread-safe. Owns its worker and timer threads (started on first use, daemon); {@link
 * #close()} ends every open stream and stops them.
 */
public final class EventService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventService.class);
    private static final long TICK_MILLIS = 250;

    private final MetadataStore store;
    private final EventLog log;
    private final CredentialResolver credentials;
    private final EventStreamSettings settings;
    private final EventCursors cursors;
    private final ThreadPoolExecutor workers;
    private final LiveFanout fanout;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private final Object timerLock = new Object();
    private ScheduledThreadPoolExecutor timer;
    private long lastPoll;
    private volatile boolean closed;

    public EventService(MetadataStore store, CredentialResolver credentials, EventStreamSettings settings) {
        this.store = requireNonNull(store, "store is null");
        this.log = store.events();
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.cursors = new EventCursors(log);
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("pubky-events-"));
        this.workers.allowCoreThreadTimeOut(true);
        this.fanout = new LiveFanout(log, workers);
    }

    // ---- the legacy feed ----------------------------------------------------------------------

    /**
     * The page of {@code GET /events/}: public events ({@code /pub/…}) of every user after the
     * cursor, oldest first; a full page even when private events lie in between.
     *
     * @throws PubkyException 400 "Invalid cursor"
     */
    public List<Event> feed(FeedRequest request) {
        long cursor = parseCursor(request.cursor());
        if (request.limit() == 0) {
            return List.of(); // the reference asks its database for LIMIT 0
        }
        return log.read(new EventQuery(Map.of(), cursor, List.of(StoragePath.PUBLIC_ROOT), request.limit(), false));
    }

    /**
     * The event id a cursor names: a decimal id, or a legacy timestamp of an event's creation.
     *
     * @throws PubkyException {@link ErrorCode#MALFORMED_INPUT} "Invalid cursor"
     */
    public long parseCursor(String text) {
        return cursors.resolve(text)
                .orElseThrow(() -> new PubkyException(ErrorCode.MALFORMED_INPUT, "Invalid cursor"));
    }

    // ---- streams ------------------------------------------------------------------------------

    /**
     * Checks a client stream request in the reference's order: path authorization (401/403; a
     * session is looked up only for private filters: the bearer token, else — when no bearer
     * scheme was presented — the cookie named after the only user), then each user in request
     * order: unknown → 404 "Not Found", bad cursor → 400 "Invalid cursor: …".
     */
    public PreparedStream prepare(StreamRequest request, Credentials presented) {
        Optional<AuthSession> session = Optional.empty();
        if (request.wantsPrivate()) {
            session = credentials.resolve(presented, StreamAuthorizer.privateTenant(request), false);
        }
        List<String> filters = StreamAuthorizer.authorize(request, session);
        LinkedHashMap<String, Long> start = new LinkedHashMap<>();
        for (StreamRequest.UserCursor user : request.users()) {
            requireUser(user.user());
            Long cursor = null;
            if (user.cursor().isPresent()) {
                String text = user.cursor().get();
                cursor = cursors.resolve(text).orElseThrow(
                        () -> new PubkyException(ErrorCode.MALFORMED_INPUT, "Invalid cursor: " + text));
            }
            start.put(user.user().z32(), cursor);
        }
        boolean isPrivate = filters.stream().anyMatch(f -> f.startsWith(StoragePath.PRIVATE_ROOT));
        return new PreparedStream(EventSelection.perUser(start, filters, request.reverse()),
                isPrivate ? session : Optional.empty(), request.live(), request.limit());
    }

    /**
     * Checks an admin stream request (the caller has checked the admin password): each user
     * filter must exist (404 "Not Found"), the cursor must resolve (400 "Invalid cursor").
     */
    public PreparedStream prepareAdmin(AdminStreamRequest request) {
        Set<String> users = new HashSet<>();
        for (PublicKey user : request.users()) {
            requireUser(user);
            users.add(user.z32());
        }
        Long cursor = request.cursor().isPresent() ? parseCursor(request.cursor().get()) : null;
        List<String> paths = request.paths().stream().map(StoragePath::value).toList();
        return new PreparedStream(EventSelection.global(users, cursor, paths, request.reverse()), Optional.empty(),
                request.live(), request.limit());
    }

    /**
     * Runs a prepared stream into {@code sink} and returns at once. The sink is closed when the
     * stream ends: batch mode caught up, limit reached, client gone, too slow, credential no
     * longer valid, or this service closed.
     */
    public void start(PreparedStream plan, EventSink sink) {
        requireNonNull(plan, "plan is null");
        requireNonNull(sink, "sink is null");
        if (closed) {
            sink.close();
            return;
        }
        EventStream stream = new EventStream(this, plan, sink);
        open.add(stream);
        if (closed) { // closed meanwhile: close() may not have seen this stream
            stream.close();
            return;
        }
        startTimer();
        stream.start();
    }

    /** How many streams are open. */
    public int openStreams() {
        return open.size();
    }

    @Override
    public void close() {
        synchronized (timerLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (EventStream stream : open) {
            stream.close();
        }
        fanout.close();
        synchronized (timerLock) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // ---- for the streams ----------------------------------------------------------------------

    EventLog log() {
        return log;
    }

    Executor workers() {
        return workers;
    }

    LiveFanout fanout() {
        return fanout;
    }

    EventStreamSettings settings() {
        return settings;
    }

    long nanoTime() {
        return System.nanoTime();
    }

    void forget(EventStream stream) {
        open.remove(stream);
    }

    private void requireUser(PublicKey user) {
        if (store.users().find(user.z32()).isEmpty()) {
            throw new PubkyException(ErrorCode.NOT_FOUND, "Not Found");
        }
    }

    private void startTimer() {
        synchronized (timerLock) {
            if (timer == null && !closed) {
                timer = new ScheduledThreadPoolExecutor(1, threads("pubky-events-timer-"));
                timer.setRemoveOnCancelPolicy(true);
                lastPoll = nanoTime();
                timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Keep-alives, credential re-checks and the fan-out's safety poll. */
    private void tick() {
        try {
            long now = nanoTime();
            long keepAlive = settings.keepAlive().toNanos();
            long check = settings.credentialCheck().toNanos();
            Map<CredentialKey, List<EventStream>> due = new HashMap<>();
            Map<CredentialKey, AuthSession> sessions = new HashMap<>();
            for (EventStream stream : open) {
                stream.keepAliveIfIdle(now, keepAlive);
                Optional<AuthSession> session = stream.session();
                if (session.isPresent() && now - stream.lastCheck() >= check) {
                    stream.checked(now);
                    CredentialKey key = new CredentialKey(session.get().kind(), session.get().credentialId());
                    due.computeIfAbsent(key, k -> new ArrayList<>()).add(stream);
                    sessions.putIfAbsent(key, session.get());
                }
            }
            due.forEach((key, streams) -> workers.execute(() -> recheck(sessions.get(key), streams)));
            if (now - lastPoll >= settings.poll().toNanos() && fanout.size() > 0) {
                lastPoll = now;
                fanout.wake();
            }
        } catch (RuntimeException e) {
            LOG.warn("event stream maintenance failed", e);
        }
    }

    /** Closes the streams of a credential that was signed out, revoked or expired (fail closed). */
    private void recheck(AuthSession session, List<EventStream> streams) {
        boolean valid;
        try {
            valid = credentials.isStillValid(session);
        } catch (RuntimeException e) {
            LOG.warn("re-checking a stream credential failed; closing its streams", e);
            valid = false;
        }
        if (!valid) {
            streams.forEach(EventStream::close);
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record CredentialKey(AuthSession.Kind kind, String id) {
    }
}
