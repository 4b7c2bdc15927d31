package org.pubky.core.storage.memory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.DeleteOutcome;
import org.pubky.spi.storage.Entry;
import org.pubky.spi.storage.EntryStore;
import org.pubky.spi.storage.EventLog;
import org.pubky.spi.storage.GrantStore;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.PutOutcome;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.ReplayStore;
import org.pubky.spi.storage.SessionStore;
import org.pubky.spi.storage.SignupTokenStore;
import org.pubky.spi.storage.StoreCapability;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.spi.storage.UnitProbe;
import org.pubky.spi.storage.UserStore;
import org.pubky.tck.AtomicityContract;
import org.pubky.tck.BlobCapabilityContract;
import org.pubky.tck.BlobFailureContract;
import org.pubky.tck.MutableClock;
import org.pubky.tck.OrderingContract;
import org.pubky.tck.RecordingUnitProbe;

/**
 * The kit has teeth: stores that break one promise each fail the contract that pins it, while the
 * real in-memory stores pass the same tests (the control).
 */
@Timeout(60)
final class KitCatchesBrokenStoresTest {
    @Test
    void storeThatNeverCallsTheProbeFailsTheAtomicityContract() {
        try (MetadataKit broken = new MetadataKit(probe -> new InMemoryMetadataStore(UnitProbe.NONE));
                MetadataKit control = new MetadataKit(InMemoryMetadataStore::new)) {
            assertThatThrownBy(broken::everyUnitCallsItsProbePointsInOrder).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> broken.failedPutOfANewPathLeavesNoTrace(UnitProbe.EVENT_APPENDED))
                    .isInstanceOf(AssertionError.class);
            assertThatCode(control::everyUnitCallsItsProbePointsInOrder).doesNotThrowAnyException();
            assertThatCode(() -> control.failedPutOfANewPathLeavesNoTrace(UnitProbe.EVENT_APPENDED))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void storeListingInJavaStringOrderFailsTheOrderingContract() {
        try (MetadataKit broken = new MetadataKit(probe -> new StringOrderListing(new InMemoryMetadataStore(probe)));
                MetadataKit control = new MetadataKit(InMemoryMetadataStore::new)) {
            assertThatThrownBy(broken::deepListingIsInUtf8ByteOrder).isInstanceOf(AssertionError.class);
            assertThatCode(control::deepListingIsInUtf8ByteOrder).doesNotThrowAnyException();
        }
    }

    @Test
    void blobStoreLeavingABlobAfterAFailedWriteFailsTheFailureContract() {
        MutableClock clock = new MutableClock();
        try (BlobKit broken = new BlobKit(new LeakyBlobStore(new InMemoryBlobStore(clock)), clock);
                BlobKit control = new BlobKit(new InMemoryBlobStore(clock), clock)) {
            assertThatThrownBy(() -> broken.runtimeExceptionFromTheStreamComesBackAsItIs(10))
                    .isInstanceOf(AssertionError.class);
            assertThatCode(() -> control.runtimeExceptionFromTheStreamComesBackAsItIs(10)).doesNotThrowAnyException();
        }
    }

    @Test
    void storeWithoutRangeReadsMustRefuseThemNotServeThem() {
        MutableClock clock = new MutableClock();
        try (BlobKit honest = new BlobKit(new Rangeless(new InMemoryBlobStore(clock), false), clock);
                BlobKit sneaky = new BlobKit(new Rangeless(new InMemoryBlobStore(clock), true), clock)) {
            assertThatCode(honest::rangeReadsWorkOrAreRefusedAsUnsupported).doesNotThrowAnyException();
            assertThatThrownBy(sneaky::rangeReadsWorkOrAreRefusedAsUnsupported).isInstanceOf(AssertionError.class);
        }
    }

    /** The metadata contracts run by hand against one store. */
    private static final class MetadataKit implements AtomicityContract, OrderingContract, AutoCloseable {
        private final MutableClock clock = new MutableClock();
        private final RecordingUnitProbe probe = new RecordingUnitProbe();
        private final MetadataStore store;

        MetadataKit(Function<UnitProbe, MetadataStore> open) {
            store = open.apply(probe);
        }

        @Override
        public MetadataStore store() {
            return store;
        }

        @Override
        public MetadataStore reopen() {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public MetadataStore openAnother() {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public MutableClock clock() {
            return clock;
        }

        @Override
        public RecordingUnitProbe probe() {
            return probe;
        }

        @Override
        public void close() {
            store.close();
        }
    }

    /** The blob contracts run by hand against one store. */
    private static final class BlobKit implements BlobFailureContract, BlobCapabilityContract, AutoCloseable {
        private final BlobStore blobs;
        private final MutableClock clock;

        BlobKit(BlobStore blobs, MutableClock clock) {
            this.blobs = blobs;
            this.clock = clock;
        }

        @Override
        public BlobStore blobs() {
            return blobs;
        }

        @Override
        public BlobStore reopen() {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public MutableClock clock() {
            return clock;
        }

        @Override
        public void close() {
            blobs.close();
        }
    }

    /** Lists in {@link String#compareTo} order, the classic bug of a store that ignores UTF-8 order. */
    private static final class StringOrderListing implements MetadataStore {
        private final MetadataStore delegate;

        StringOrderListing(MetadataStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public EntryStore entries() {
            EntryStore entries = delegate.entries();
            return new EntryStore() {
                @Override
                public Optional<Entry> find(String user, String path) {
                    return entries.find(user, path);
                }

                @Override
                public boolean directoryExists(String user, String directory) {
                    return entries.directoryExists(user, directory);
                }

                @Override
                public List<String> list(ListQuery query) {
                    List<String> all = new ArrayList<>(entries.list(new ListQuery(query.user(), query.directory(),
                            Optional.empty(), Integer.MAX_VALUE, false, query.shallow())));
                    all.sort(query.reverse() ? Comparator.<String>reverseOrder() : Comparator.<String>naturalOrder());
                    if (query.cursor().isPresent()) {
                        String cursor = query.cursor().get();
                        all.removeIf(p -> query.reverse() ? p.compareTo(cursor) >= 0 : p.compareTo(cursor) <= 0);
                    }
                    return List.copyOf(all.subList(0, Math.min(query.limit(), all.size())));
                }

                @Override
                public PutOutcome put(PutUnit unit) {
                    return entries.put(unit);
                }

                @Override
                public DeleteOutcome delete(String user, String path, Instant at) {
                    return entries.delete(user, path, at);
                }

                @Override
                public boolean isBlobReferenced(String blobId) {
                    return entries.isBlobReferenced(blobId);
                }
            };
        }

        @Override
        public UserStore users() {
            return delegate.users();
        }

        @Override
        public SessionStore sessions() {
            return delegate.sessions();
        }

        @Override
        public GrantStore grants() {
            return delegate.grants();
        }

        @Override
        public SignupTokenStore signupTokens() {
            return delegate.signupTokens();
        }

        @Override
        public ReplayStore replays() {
            return delegate.replays();
        }

        @Override
        public EventLog events() {
            return delegate.events();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** Keeps an empty blob behind when a write fails, as a store that forgets its temporary file would. */
    private static final class LeakyBlobStore implements BlobStore {
        private final BlobStore delegate;

        LeakyBlobStore(BlobStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public StoredBlob write(InputStream content) {
            try {
                return delegate.write(content);
            } catch (RuntimeException e) {
                delegate.write(new ByteArrayInputStream(new byte[0]));
                throw e;
            }
        }

        @Override
        public InputStream open(String id) {
            return delegate.open(id);
        }

        @Override
        public boolean delete(String id) {
            return delegate.delete(id);
        }

        @Override
        public void scan(Instant createdBefore, Consumer<String> visitor) {
            delegate.scan(createdBefore, visitor);
        }

        @Override
        public Set<StoreCapability> capabilities() {
            return delegate.capabilities();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /**
     * Does not advertise range reads; the honest variant keeps the SPI's refusing default, the
     * sneaky one still serves ranges, which the capability rule forbids.
     */
    private static final class Rangeless implements BlobStore {
        private final BlobStore delegate;
        private final boolean serveRangesAnyway;

        Rangeless(BlobStore delegate, boolean serveRangesAnyway) {
            this.delegate = delegate;
            this.serveRangesAnyway = serveRangesAnyway;
        }

        @Override
        public StoredBlob write(InputStream content) {
            return delegate.write(content);
        }

        @Override
        public InputStream open(String id) {
            return delegate.open(id);
        }

        @Override
        public InputStream open(String id, long offset, long length) {
            return serveRangesAnyway ? delegate.open(id, offset, length) : BlobStore.super.open(id, offset, length);
        }

        @Override
        public boolean delete(String id) {
            return delegate.delete(id);
        }

        @Override
        public void scan(Instant createdBefore, Consumer<String> visitor) {
            delegate.scan(createdBefore, visitor);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
