package org.pubky.tck;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.UnitProbe;

/**
 * The compliance kit for {@link MetadataStore}. A backend passes it by subclassing:
 *
 * <pre>{@code
 * final class LmdbMetadataStoreTest extends MetadataStoreContract {
 *     @Override
 *     protected MetadataStore open(ProviderContext context) {
 *         return new LmdbMetadataStoreProvider().open(context, Map.of());
 *     }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh data directory, a {@link MutableClock} and a
 * {@link RecordingUnitProbe}, all in the {@link ProviderContext} given to {@link #open}; the probe
 * is registered as the {@link UnitProbe} service. Opening again with the same context must reopen
 * the same data. Stores are closed after each test, then {@link #dispose} runs.
 *
 * <p>Every {@link java.time.Instant} the kit hands a store has microsecond precision and must
 * come back unchanged. The kit runs its tests one at a time; the concurrency tests start their own
 * threads.
 */
@Tag("tck")
@Timeout(60)
public abstract class MetadataStoreContract implements UserContract, SignupContract, SessionContract, GrantContract,
        ReplayContract, EntryContract, QuotaContract, CollisionContract, ListingContract, CursorContract,
        OrderingContract, LargeListingContract, EventLogContract, SubscriptionContract, AtomicityContract,
        ConcurrencyContract, AccountRaceContract, DurabilityContract, LifecycleContract {
    private Path dataDirectory;
    private ProviderContext context;
    private MutableClock clock;
    private RecordingUnitProbe probe;
    private MetadataStore store;
    private final List<MetadataStore> others = new ArrayList<>();

    /**
     * Opens the store under test. Called once before each test and again by {@link #reopen()}
     * and {@link #openAnother()} with the same context.
     */
    protected abstract MetadataStore open(ProviderContext context);

    /**
     * Releases what the test left behind after its stores are closed, for backends whose data
     * does not live in {@code dataDirectory} (a JDBC backend drops its schema here). The directory
     * itself is deleted by JUnit. The default does nothing.
     */
    protected void dispose(Path dataDirectory) {
    }

    @BeforeEach
    final void openStoreForTest(@TempDir Path directory) {
        dataDirectory = directory;
        clock = new MutableClock();
        probe = new RecordingUnitProbe();
        context = new ProviderContext(Optional.of(directory), clock, Map.of(UnitProbe.class, probe));
        store = requireNonNull(open(context), "open returned null");
    }

    @AfterEach
    final void closeStoreAfterTest() {
        try {
            probe.reset();
            for (MetadataStore other : others) {
                other.close();
            }
            others.clear();
            if (store != null) {
                store.close();
            }
        } finally {
            store = null;
            dispose(dataDirectory);
        }
    }

    @Override
    public final MetadataStore store() {
        if (store == null) {
            throw new IllegalStateException("no store is open");
        }
        return store;
    }

    @Override
    public final MetadataStore reopen() {
        store().close();
        store = null;
        store = requireNonNull(open(context), "open returned null");
        return store;
    }

    @Override
    public final MetadataStore openAnother() {
        MetadataStore other = requireNonNull(open(context), "open returned null");
        others.add(other);
        return other;
    }

    @Override
    public final MutableClock clock() {
        return clock;
    }

    @Override
    public final RecordingUnitProbe probe() {
        return probe;
    }
}
