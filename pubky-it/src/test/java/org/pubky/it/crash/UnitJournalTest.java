package org.pubky.it.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.it.crash.UnitJournal.FileKey;
import org.pubky.it.crash.UnitJournal.FileState;
import org.pubky.it.crash.UnitJournal.Unit;

/** The child's journal and the output file it is read from. */
final class UnitJournalTest {
    private static final String HASH = "ab".repeat(32);

    @Test
    void unitsAreAcknowledgedOnlyByTheirThreadsAck() {
        UnitJournal journal = UnitJournal.parse(List.of("READY",
                "BEGIN 0 PUT u /pub/a " + HASH + " 7",
                "BEGIN 1 DEL u /pub/b",
                "ACK 0",
                "BEGIN 0 PUT u /pub/a " + HASH + " 0"));

        assertThat(journal.ready()).isTrue();
        assertThat(journal.hookRan()).isFalse();
        assertThat(journal.units()).containsExactly(
                new Unit(0, new FileKey("u", "/pub/a"), Optional.of(new FileState(HASH, 7)), true),
                new Unit(1, new FileKey("u", "/pub/b"), Optional.empty(), false),
                new Unit(0, new FileKey("u", "/pub/a"), Optional.of(new FileState(HASH, 0)), false));
        assertThat(journal.acknowledged()).isEqualTo(1);
        assertThat(journal.inFlight()).isEqualTo(2);
        assertThat(journal.byFile().get(new FileKey("u", "/pub/a"))).hasSize(2);
    }

    @Test
    void protocolViolationsAreRefused() {
        assertThatThrownBy(() -> UnitJournal.parse(List.of("ACK 0"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> UnitJournal.parse(List.of("BEGIN 0 DEL u /pub/a", "BEGIN 0 DEL u /pub/b")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> UnitJournal.parse(List.of("hello"))).isInstanceOf(IllegalStateException.class);
        assertThat(UnitJournal.parse(List.of("HOOK")).hookRan()).isTrue();
    }

    @Test
    void aLineTheKillCutShortIsDropped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out");
        ChildOutput output = new ChildOutput(file);
        assertThat(output.lines()).isEmpty();

        Files.writeString(file, "READY\nBEGIN 0 DEL u /pub/a\nACK", StandardCharsets.UTF_8);

        assertThat(output.lines()).containsExactly("READY", "BEGIN 0 DEL u /pub/a");
        assertThat(UnitJournal.parse(output.lines()).inFlight()).isEqualTo(1);
    }
}
