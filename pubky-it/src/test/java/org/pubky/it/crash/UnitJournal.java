package org.pubky.it.crash;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one child process said it did (see {@link CrashChild} for the line format): the units it
 * began, in order, and which of them it acknowledged. Since each thread owns its paths and runs one
 * unit at a time, a path has at most one unacknowledged unit, and it is its last.
 */
final class UnitJournal {
    private final List<Unit> units;
    private final boolean ready;
    private final boolean hookRan;

    private UnitJournal(List<Unit> units, boolean ready, boolean hookRan) {
        this.units = List.copyOf(units);
        this.ready = ready;
        this.hookRan = hookRan;
    }

    /** A user's file. */
    record FileKey(String user, String path) implements Comparable<FileKey> {
        @Override
        public int compareTo(FileKey o) {
            int c = user.compareTo(o.user);
            return c != 0 ? c : path.compareTo(o.path);
        }

        @Override
        public String toString() {
            return user + path;
        }
    }

    /** The content a file has: its BLAKE3 hash (hex) and length. */
    record FileState(String hash, long length) {
        FileState {
            requireNonNull(hash, "hash is null");
        }
    }

    /**
     * One unit the child began.
     *
     * @param thread the writer thread
     * @param key the file it changes
     * @param after the file's content after a PUT, empty for a DELETE
     * @param acknowledged whether the child said it returned
     */
    record Unit(int thread, FileKey key, Optional<FileState> after, boolean acknowledged) {
        boolean isPut() {
            return after.isPresent();
        }
    }

    /**
     * Parses the child's complete output lines.
     *
     * @throws IllegalStateException if the lines break the protocol (an ACK with nothing in flight,
     *     a BEGIN while the thread's previous unit is unacknowledged, an unknown line)
     */
    static UnitJournal parse(List<String> lines) {
        List<Unit> units = new ArrayList<>();
        Map<Integer, Integer> open = new HashMap<>();
        boolean ready = false;
        boolean hook = false;
        for (String line : lines) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "READY" -> ready = true;
                case "HOOK" -> hook = true;
                case "BEGIN" -> {
                    int thread = Integer.parseInt(f[1]);
                    if (open.containsKey(thread)) {
                        throw new IllegalStateException("thread " + thread + " began a unit before its last was acknowledged");
                    }
                    FileKey key = new FileKey(f[3], f[4]);
                    Optional<FileState> after = switch (f[2]) {
                        case "PUT" -> Optional.of(new FileState(f[5], Long.parseLong(f[6])));
                        case "DEL" -> Optional.empty();
                        default -> throw new IllegalStateException("unknown unit: " + line);
                    };
                    open.put(thread, units.size());
                    units.add(new Unit(thread, key, after, false));
                }
                case "ACK" -> {
                    Integer index = open.remove(Integer.parseInt(f[1]));
                    if (index == null) {
                        throw new IllegalStateException("acknowledgement with no unit in flight: " + line);
                    }
                    Unit u = units.get(index);
                    units.set(index, new Unit(u.thread(), u.key(), u.after(), true));
                }
                default -> throw new IllegalStateException("unexpected child output: " + line);
            }
        }
        return new UnitJournal(units, ready, hook);
    }

    /** Whether the child got as far as opening the stores and creating the users. */
    boolean ready() {
        return ready;
    }

    /** Whether a shutdown hook ran: never after SIGKILL. */
    boolean hookRan() {
        return hookRan;
    }

    /** Every unit, in the order begun. */
    List<Unit> units() {
        return units;
    }

    /** The units of one file, in the order begun: acknowledged ones, then possibly one in flight. */
    Map<FileKey, List<Unit>> byFile() {
        Map<FileKey, List<Unit>> out = new TreeMap<>();
        for (Unit u : units) {
            out.computeIfAbsent(u.key(), k -> new ArrayList<>()).add(u);
        }
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return out;
    }

    /** The files some unit touched. */
    Set<FileKey> files() {
        return byFile().keySet();
    }

    long acknowledged() {
        return units.stream().filter(Unit::acknowledged).count();
    }

    long inFlight() {
        return units.size() - acknowledged();
    }
}
