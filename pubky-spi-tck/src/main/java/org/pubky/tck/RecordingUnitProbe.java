package org.pubky.tck;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.pubky.spi.storage.UnitProbe;

/**
 * The {@link UnitProbe} the kit hands every store. It can record the points a store reaches and
 * throw an {@link InjectedFailure} once at an armed point. Idle (neither recording nor armed) it
 * costs two volatile reads, so it stays installed during the load tests. Thread-safe.
 */
public final class RecordingUnitProbe implements UnitProbe {
    private final List<String> reached = new ArrayList<>();
    private volatile boolean recording;
    private final AtomicReference<Armed> armed = new AtomicReference<>();

    private record Armed(String point, InjectedFailure failure) {
    }

    @Override
    public void reached(String point) {
        requireNonNull(point, "point is null");
        if (recording) {
            synchronized (reached) {
                reached.add(point);
            }
        }
        Armed a = armed.get();
        if (a != null && a.point.equals(point) && armed.compareAndSet(a, null)) {
            throw a.failure;
        }
    }

    /** Forgets what was recorded and starts recording. */
    public void startRecording() {
        synchronized (reached) {
            reached.clear();
        }
        recording = true;
    }

    /** Stops recording and returns the points reached since {@link #startRecording}, in order. */
    public List<String> stopRecording() {
        recording = false;
        synchronized (reached) {
            return List.copyOf(reached);
        }
    }

    /**
     * Makes the next call of {@link #reached} with {@code point} throw the returned failure; the
     * probe disarms itself when it throws.
     */
    public InjectedFailure failOnceAt(String point) {
        InjectedFailure failure = new InjectedFailure(requireNonNull(point, "point is null"));
        armed.set(new Armed(point, failure));
        return failure;
    }

    /** True while an armed failure has not been thrown yet. */
    public boolean isArmed() {
        return armed.get() != null;
    }

    /** Disarms and stops recording. */
    public void reset() {
        armed.set(null);
        recording = false;
    }
}
