package org.pubky.tck;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs work on several threads at once for the concurrency contracts: every thread waits at a
 * common gate so that the calls really overlap, and every outcome, value or exception, is kept.
 */
public final class Race {
    private static final long JOIN_SECONDS = 120;

    private Race() {
    }

    /** What one racer got: a value, or the exception it threw. */
    public record Outcome<T>(int racer, T value, Throwable failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * Starts {@code racers} threads that call {@code task} with their index at the same moment
     * and returns their outcomes in index order.
     */
    public static <T> List<Outcome<T>> run(int racers, IntFunction<T> task) {
        requireNonNull(task, "task is null");
        CountDownLatch ready = new CountDownLatch(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Outcome<T>> outcomes = new ArrayList<>(racers);
        for (int i = 0; i < racers; i++) {
            outcomes.add(null);
        }
        List<Thread> threads = new ArrayList<>(racers);
        for (int i = 0; i < racers; i++) {
            int racer = i;
            Thread thread = new Thread(() -> {
                ready.countDown();
                Outcome<T> outcome;
                try {
                    go.await();
                    outcome = new Outcome<>(racer, task.apply(racer), null);
                } catch (Throwable t) {
                    outcome = new Outcome<>(racer, null, t);
                }
                synchronized (outcomes) {
                    outcomes.set(racer, outcome);
                }
            }, "tck-racer-" + racer);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            if (!ready.await(JOIN_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("racers did not start");
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(JOIN_SECONDS));
                if (thread.isAlive()) {
                    throw new AssertionError(thread.getName() + " did not finish: deadlock or lost wake-up?");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while racing", e);
        }
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    /**
     * Calls {@code work} once for every index in {@code [0, count)}, spread over {@code threads}
     * threads, and rethrows the first failure. Used to load data quickly.
     */
    public static void forEach(int threads, int count, IntConsumer work) {
        requireNonNull(work, "work is null");
        List<Outcome<Object>> outcomes = run(threads, racer -> {
            for (int i = racer; i < count; i += threads) {
                work.accept(i);
            }
            return null;
        });
        for (Outcome<Object> outcome : outcomes) {
            if (!outcome.succeeded()) {
                throw new AssertionError("loading failed on racer " + outcome.racer(), outcome.failure());
            }
        }
    }

    /** The racers that succeeded. */
    public static <T> List<Outcome<T>> winners(List<Outcome<T>> outcomes) {
        return outcomes.stream().filter(Outcome::succeeded).toList();
    }

    /** The racers that failed. */
    public static <T> List<Outcome<T>> losers(List<Outcome<T>> outcomes) {
        return outcomes.stream().filter(o -> !o.succeeded()).toList();
    }
}
