package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventLog;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.StoreCapability;

/**
 * {@link EventLog#subscribe}: listeners wake after commits, may be coalesced, and stop after
 * their subscription is closed. A listener that throws must not make the committed unit fail.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public interface SubscriptionContract extends MetadataStoreFixture {
    long WAIT_SECONDS = 10;

    /** Waits until {@code value} reaches {@code at least}; false on timeout. */
    static boolean awaitAtLeast(LongSupplier value, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (value.getAsLong() < atLeast) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** A listener that records the newest cursor it could read when it was called. */
    final class Watcher implements Runnable {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicLong seen = new AtomicLong();
        private final MetadataStore store;

        Watcher(MetadataStore store) {
            this.store = store;
        }

        @Override
        public void run() {
            seen.accumulateAndGet(store.events().lastCursor(), Math::max);
            calls.incrementAndGet();
        }
    }

    @Test
    default void listenerWakesAfterPutAndDeleteAndSeesTheCommittedEvent() throws InterruptedException {
        String user = newUser();
        Watcher watcher = new Watcher(store());
        try (EventLog.Subscription ignored = store().events().subscribe(watcher)) {
            Event put = put(user, "/pub/x", 1).event();
            assertThat(awaitAtLeast(watcher.seen::get, put.cursor())).as("woken after the put").isTrue();

            Event del = delete(user, "/pub/x").event();
            assertThat(awaitAtLeast(watcher.seen::get, del.cursor())).as("woken after the delete").isTrue();
        }
    }

    @Test
    default void closedSubscriptionIsNotCalledAgain() throws InterruptedException {
        String user = newUser();
        Watcher closed = new Watcher(store());
        Watcher witness = new Watcher(store());
        EventLog.Subscription subscription = store().events().subscribe(closed);
        Event first = put(user, "/pub/a", 1).event();
        assertThat(awaitAtLeast(closed.seen::get, first.cursor())).isTrue();
        subscription.close();
        Thread.sleep(100); // calls already under way when close returned may still finish
        int callsAtClose = closed.calls.get();

        try (EventLog.Subscription ignored = store().events().subscribe(witness)) {
            Event second = put(user, "/pub/b", 1).event();
            assertThat(awaitAtLeast(witness.seen::get, second.cursor())).isTrue();
            Thread.sleep(200);
        }

        assertThat(closed.calls.get()).isEqualTo(callsAtClose);
        subscription.close();
    }

    @Test
    default void everySubscriberIsWokenAndAThrowingOneBreaksNothing() throws InterruptedException {
        String user = newUser();
        CountDownLatch thrown = new CountDownLatch(1);
        Watcher a = new Watcher(store());
        Watcher b = new Watcher(store());
        try (EventLog.Subscription s1 = store().events().subscribe(() -> {
                    thrown.countDown();
                    throw new IllegalStateException("listener failure injected by the kit");
                });
                EventLog.Subscription s2 = store().events().subscribe(a);
                EventLog.Subscription s3 = store().events().subscribe(b)) {
            Event event = put(user, "/pub/x", 1).event();

            assertThat(thrown.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(awaitAtLeast(a.seen::get, event.cursor())).isTrue();
            assertThat(awaitAtLeast(b.seen::get, event.cursor())).isTrue();
            assertThat(store().entries().find(user, "/pub/x")).isPresent();
            Event next = put(user, "/pub/y", 1).event();
            assertThat(awaitAtLeast(a.seen::get, next.cursor())).isTrue();
        }
    }

    /**
     * With {@link StoreCapability#CROSS_INSTANCE_NOTIFICATIONS}, a second instance's commit wakes
     * the first. Without it nothing can be refused, so the store only has to wake for its own.
     */
    @Test
    default void crossInstanceNotificationsWhenAdvertised() throws InterruptedException {
        String user = newUser();
        Watcher watcher = new Watcher(store());
        try (EventLog.Subscription ignored = store().events().subscribe(watcher)) {
            if (store().capabilities().contains(StoreCapability.CROSS_INSTANCE_NOTIFICATIONS)) {
                MetadataStore other = openAnother();
                Event remote = other.entries().put(unit(user, "/pub/remote", 1)).event();
                assertThat(awaitAtLeast(watcher.seen::get, remote.cursor())).as("woken by the other instance")
                        .isTrue();
                assertThat(store().entries().find(user, "/pub/remote")).isPresent();
            } else {
                Event local = put(user, "/pub/local", 1).event();
                assertThat(awaitAtLeast(watcher.seen::get, local.cursor())).isTrue();
            }
        }
    }
}
