package org.pubky.it.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pubky.core.hash.ContentHash;
import org.pubky.core.homeserver.auth.AuthSession;
import org.pubky.core.homeserver.quota.QuotaDefaults;
import org.pubky.core.homeserver.quota.QuotaResolver;
import org.pubky.core.homeserver.storage.StorageService;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capabilities;
import org.pubky.core.path.StoragePath;
import org.pubky.core.storage.memory.InMemoryBlobStore;
import org.pubky.core.storage.memory.InMemoryMetadataStore;
import org.pubky.it.crash.StoreAudit.Findings;
import org.pubky.it.crash.StoreAudit.Snapshot;
import org.pubky.it.crash.StoreSetup.Stores;

/** The crash test's checker fails when it should: it is not vacuous. On the in-memory stores. */
final class StoreAuditTest {
    private static final PublicKey OWNER = StoreSetup.users().get(0);
    private static final String F0 = "/pub/crash/t0/f0.bin";
    private static final String F1 = "/pub/crash/t1/f1.bin";

    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    private final List<String> journal = new ArrayList<>();
    private Stores stores;
    private StorageService service;

    @BeforeEach
    void open() {
        stores = new Stores(new InMemoryMetadataStore(), new InMemoryBlobStore(clock), clock);
        for (PublicKey user : StoreSetup.users()) {
            stores.metadata().users().create(user.z32(), clock.instant(), Optional.empty());
        }
        service = new StorageService(stores.metadata(), stores.blobs(), new QuotaResolver(QuotaDefaults.NONE), clock,
                0);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void acknowledgedAndCommittedInFlightUnitsPass() throws InterruptedException {
        put(0, F0, "acknowledged", true);
        put(1, F1, "in flight, committed", false);
        Thread.sleep(2); // the sweep's grace 0 takes blobs created strictly before now

        Findings findings = StoreAudit.check(stores, Snapshot.EMPTY, UnitJournal.parse(journal));

        assertThat(findings.inFlightCommitted()).isEqualTo(1);
        assertThat(findings.orphansSwept()).isZero();
        assertThat(findings.snapshot().files()).hasSize(2);
        assertThat(findings.snapshot().events()).hasSize(2);
    }

    @Test
    void orphanOfAnUncommittedInFlightUnitIsSwept() throws InterruptedException {
        put(0, F0, "acknowledged", true);
        begin(1, F1, "written, never committed");
        stores.blobs().write(new ByteArrayInputStream(bytes("written, never committed")));
        Thread.sleep(2);

        Findings findings = StoreAudit.check(stores, Snapshot.EMPTY, UnitJournal.parse(journal));

        assertThat(findings.inFlightCommitted()).isZero();
        assertThat(findings.orphansSwept()).isEqualTo(1);
        assertThat(findings.snapshot().files()).hasSize(1);
    }

    @Test
    void lostAcknowledgedUnitFails() {
        put(0, F0, "kept", true);
        begin(0, F1, "acknowledged but never stored");
        journal.add("ACK 0");

        assertThatThrownBy(() -> StoreAudit.check(stores, Snapshot.EMPTY, UnitJournal.parse(journal)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(F1);
    }

    @Test
    void orphanWithNoUnitInFlightFails() {
        put(0, F0, "acknowledged", true);
        stores.blobs().write(new ByteArrayInputStream(bytes("nobody's")));

        assertThatThrownBy(() -> StoreAudit.check(stores, Snapshot.EMPTY, UnitJournal.parse(journal)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("orphan");
    }

    @Test
    void eventsThatDisappearedFail() {
        put(0, F0, "first", true);
        Snapshot first = StoreAudit.check(stores, Snapshot.EMPTY, UnitJournal.parse(journal)).snapshot();
        Snapshot forged = new Snapshot(first.files(), List.of(first.events().get(0), first.events().get(0)));

        assertThatThrownBy(() -> StoreAudit.check(stores, forged, UnitJournal.parse(List.of())))
                .isInstanceOf(AssertionError.class);
    }

    private void put(int thread, String path, String content, boolean acknowledge) {
        begin(thread, path, content);
        service.put(OWNER, new StoragePath(path), Optional.of(session()), new ByteArrayInputStream(bytes(content)),
                OptionalLong.empty());
        if (acknowledge) {
            journal.add("ACK " + thread);
        }
    }

    private void begin(int thread, String path, String content) {
        journal.add("BEGIN " + thread + " PUT " + OWNER.z32() + " " + path + " " + ContentHash.of(bytes(content)).hex()
                + " " + bytes(content).length);
    }

    private static AuthSession session() {
        return new AuthSession(OWNER, Capabilities.root(), AuthSession.Kind.COOKIE, "audit-test");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
