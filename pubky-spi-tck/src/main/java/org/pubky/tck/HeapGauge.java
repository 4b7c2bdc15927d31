package org.pubky.tck;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Measures how much a piece of work grew the part of the heap that holds what is kept, to prove
 * that a store streams content instead of holding it.
 *
 * <p>With a generational collector (G1, Parallel, Serial: every default of the JDK) that is the
 * old generation. Anything kept for long, or any large array (G1 puts arrays of half a region or
 * more straight into the old generation), lands there; the garbage of a streaming copy dies in
 * the young generation, which is ignored. So the growth of the old generation's peak since
 * {@link #start()} is a robust bound that does not depend on when collections happen. With a
 * single-space collector (ZGC, Shenandoah) the young garbage cannot be told apart; the gauge then
 * measures what is still used after an explicit collection, at each {@link #sample()}.
 */
public final class HeapGauge {
    private final List<MemoryPoolMXBean> kept;
    private final boolean generational;
    private final long baseline;
    private long retainedPeak;

    private HeapGauge(List<MemoryPoolMXBean> kept, boolean generational, long baseline) {
        this.kept = kept;
        this.generational = generational;
        this.baseline = baseline;
    }

    /** Collects garbage, resets the peaks and takes the baseline. */
    public static HeapGauge start() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
        List<MemoryPoolMXBean> old = heap.stream().filter(p -> !isYoung(p.getName())).toList();
        boolean generational = old.size() < heap.size();
        collect();
        List<MemoryPoolMXBean> kept = generational ? old : heap;
        kept.forEach(MemoryPoolMXBean::resetPeakUsage);
        long baseline = kept.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        return new HeapGauge(kept, generational, baseline);
    }

    /** For a single-space collector, records what is used after a collection now; else nothing. */
    public void sample() {
        if (!generational) {
            collect();
            retainedPeak = Math.max(retainedPeak, kept.stream().mapToLong(p -> p.getUsage().getUsed()).sum());
        }
    }

    /** How far the kept part of the heap grew above the baseline, in bytes. */
    public long growth() {
        long peak = generational ? kept.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() : retainedPeak;
        return Math.max(0, peak - baseline);
    }

    /** Which collector spaces were measured, for failure messages. */
    public String describe() {
        return (generational ? "old-generation peak of " : "retained heap after collections in ")
                + kept.stream().map(MemoryPoolMXBean::getName).toList();
    }

    private static boolean isYoung(String pool) {
        return pool.contains("Eden") || pool.contains("Survivor") || pool.contains("Nursery");
    }

    private static void collect() {
        System.gc();
        System.gc();
    }
}
