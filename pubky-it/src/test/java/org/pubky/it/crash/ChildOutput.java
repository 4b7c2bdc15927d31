package org.pubky.it.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child's standard output, redirected to a file: what the child wrote before the kill is in
 * the file whatever the moment of the kill (no pipe to drain, no reader racing the process's end).
 * A line the kill cut short (no line break yet) is not a line: it is dropped, never half-parsed.
 */
final class ChildOutput {
    private static final long POLL_MILLIS = 10;

    private final Path file;

    ChildOutput(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The complete lines written so far. */
    List<String> lines() throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    }

    /** Polls until the lines satisfy {@code condition}; false if they did not within the timeout. */
    boolean await(Predicate<List<String>> condition, long timeout, TimeUnit unit)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!condition.test(lines())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /** How many of {@code lines} start with {@code prefix}. */
    static long count(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }
}
