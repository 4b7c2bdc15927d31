package org.pubky.core.homeserver.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.pubky.core.hash.ContentHash;
import org.pubky.core.homeserver.auth.CredentialResolver;
import org.pubky.core.keys.Keypair;
import org.pubky.core.storage.memory.InMemoryMetadataStore;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventLog;
import org.pubky.spi.storage.EventQuery;
import org.pubky.spi.storage.EntryStore;
import org.pubky.spi.storage.GrantStore;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.ReplayStore;
import org.pubky.spi.storage.SessionStore;
import org.pubky.spi.storage.SignupTokenStore;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.spi.storage.UserStore;

/**
 * The in-memory metadata store with a counter on event-log reads, and helpers that write entries
 * (and so events) at chosen instants, as the storage service would.
 */
final class EventStore implements MetadataStore {
    private final InMemoryMetadataStore store = new InMemoryMetadataStore();
    final AtomicInteger reads = new AtomicInteger();
    /** When set before subscribing, the subscription never calls back: notifications are lost. */
    volatile boolean silent;
    private final AtomicLong blobIds = new AtomicLong();
    private final EventLog log = new EventLog() {
        @Override
        public List<Event> read(EventQuery query) {
            reads.incrementAndGet();
            return store.events().read(query);
        }

        @Override
        public long lastCursor() {
            return store.events().lastCursor();
        }

        @Override
        public Subscription subscribe(Runnable listener) {
            if (silent) {
                return () -> { };
            }
            return store.events().subscribe(listener);
        }
    };

    String newUser() {
        String user = Keypair.random().publicKey().z32();
        store.users().create(user, Instant.now(), Optional.empty());
        return user;
    }

    long put(String user, String path) {
        return put(user, path, Instant.now());
    }

    long put(String user, String path, Instant at) {
        byte[] content = path.getBytes();
        store.entries().put(new PutUnit(user, path, new StoredBlob("b" + blobIds.incrementAndGet(), content.length),
                ContentHash.of(content).bytes(), "text/plain", at, PutUnit.NO_LIMIT, false));
        return store.events().lastCursor();
    }

    long delete(String user, String path) {
        store.entries().delete(user, path, Instant.now());
        return store.events().lastCursor();
    }

    CredentialResolver credentials() {
        return new CredentialResolver(this, Clock.systemUTC());
    }

    @Override
    public UserStore users() {
        return store.users();
    }

    @Override
    public SessionStore sessions() {
        return store.sessions();
    }

    @Override
    public GrantStore grants() {
        return store.grants();
    }

    @Override
    public SignupTokenStore signupTokens() {
        return store.signupTokens();
    }

    @Override
    public ReplayStore replays() {
        return store.replays();
    }

    @Override
    public EntryStore entries() {
        return store.entries();
    }

    @Override
    public EventLog events() {
        return log;
    }

    @Override
    public void close() {
        store.close();
    }
}
