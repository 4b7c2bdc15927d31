package org.pubky.spi.storage;

import java.util.Set;

/**
 * Everything the homeserver remembers apart from file content: users, sessions, grants, signup
 * tokens, single-use values, entries and the event log.
 *
 * <p>One instance is opened per runtime and shared by all request threads: every method of every
 * part is thread-safe. Several instances (in several processes) may share one backing store when
 * the backend supports it (JDBC); correctness must then not depend on in-memory state.
 *
 * <p>The operations that must be atomic are atomic in the interface itself
 * ({@link EntryStore#put}, {@link EntryStore#delete}, {@link UserStore#create},
 * {@link GrantStore#replaceBearer}, {@link ReplayStore#firstUse}): there is no general
 * transaction API to misuse.
 */
public interface MetadataStore extends AutoCloseable {
    UserStore users();

    SessionStore sessions();

    GrantStore grants();

    SignupTokenStore signupTokens();

    ReplayStore replays();

    EntryStore entries();

    EventLog events();

    /** Optional abilities of this store. */
    default Set<StoreCapability> capabilities() {
        return Set.of();
    }

    /** Releases every resource; idempotent. Calls after closing fail. */
    @Override
    void close();
}
