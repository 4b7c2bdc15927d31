package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs write into one directory at the same time, as several homeserver instances
 * sharing a file system would; every blob must come out with its own id and intact content, and
 * a store in this process must see them all.
 */
final class FileBlobStoreMultiProcessIT {
    private static final int PROCESSES = 3;
    private static final int BLOBS_PER_PROCESS = 150;

    @TempDir
    Path base;

    @Test
    @Timeout(300)
    void processesSharingADirectoryNeverCollide() throws Exception {
        Path dir = base.resolve("store");
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            Path output = base.resolve("out-" + p);
            outputs.add(output);
            processes.add(new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m",
                    "-cp", System.getProperty("java.class.path"),
                    MultiProcessWriter.class.getName(),
                    dir.toString(), Long.toString(p * 1_000_000L), Integer.toString(BLOBS_PER_PROCESS))
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
        }
        for (Process process : processes) {
            assertThat(process.waitFor(240, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        }

        Map<String, Long> seedById = new HashMap<>();
        for (Path output : outputs) {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(BLOBS_PER_PROCESS);
            for (String line : lines) {
                String[] fields = line.split(" ");
                long seed = Long.parseLong(fields[1]);
                assertThat(Long.parseLong(fields[2])).isEqualTo(length(seed));
                assertThat(seedById.put(fields[0], seed)).as("id issued twice").isNull();
            }
        }
        assertThat(seedById).hasSize(PROCESSES * BLOBS_PER_PROCESS);

        try (FileBlobStore store = FileBlobStore.at(dir)) {
            List<String> scanned = new ArrayList<>();
            store.scan(Instant.MAX, scanned::add);
            assertThat(scanned).containsExactlyInAnyOrderElementsOf(seedById.keySet());
            seedById.forEach((id, seed) -> TestContent.assertContent(store.open(id), seed, 0, length(seed)));
        }
        try (var temps = Files.list(dir.resolve("tmp"))) {
            assertThat(temps).isEmpty();
        }
    }

    static long length(long seed) {
        return (seed * 104_729) % 200_000;
    }
}
