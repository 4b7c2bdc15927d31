package org.pubky.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.testing.Failures;
import org.pubky.core.testing.RandomText;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/** Random and mutated input into the path and capability parsers, and their round trips. */
final class PathFuzzTest {
    private static final int CASES = 20_000;

    @Test
    @Timeout(60)
    void normalizeAndParseThrowOnlyInvalidPathAndAreIdempotent() {
        Random random = new Random(1001);
        int normalized = 0;
        int parsed = 0;
        for (int i = 0; i < CASES; i++) {
            String input = random.nextInt(4) == 0 ? RandomText.next(random, 12) : "/" + RandomText.next(random, 12);
            try {
                StoragePath p = StoragePath.normalize(input);
                normalized++;
                assertThat(StoragePath.parse(p.value())).isEqualTo(p);
                assertThat(StoragePath.normalize(p.value())).isEqualTo(p);
                assertThat(p.isDirectory()).isEqualTo(p.value().endsWith("/"));
                p.parent().ifPresent(parent -> assertThat(parent.contains(p)).isTrue());
            } catch (PubkyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PATH);
            }
            try {
                StoragePath p = StoragePath.parse(input);
                parsed++;
                assertThat(StoragePath.normalize(input)).as("canonical text normalises to itself").isEqualTo(p);
            } catch (PubkyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PATH);
            }
            Failures.onlyPubkyException(() -> StoragePath.normalize(RandomText.mutate(random, input)), input);
        }
        assertThat(normalized).isGreaterThan(CASES / 20);
        assertThat(parsed).isGreaterThan(CASES / 50);
    }

    @Test
    @Timeout(60)
    void capabilityListsThrowOnlyInvalidCapabilitiesAndRoundTrip() {
        Random random = new Random(1002);
        int ok = 0;
        for (int i = 0; i < CASES; i++) {
            String input = random.nextBoolean() ? RandomText.next(random, 14) : validList(random);
            if (random.nextBoolean()) {
                input = RandomText.mutate(random, input);
            }
            Capabilities caps;
            try {
                caps = Capabilities.parse(input);
            } catch (PubkyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CAPABILITIES);
                continue;
            }
            ok++;
            assertThat(Capabilities.parse(caps.toString())).isEqualTo(caps);
            Capabilities normal = caps.normalize();
            assertThat(normal.normalize()).isEqualTo(normal);
            assertThat(normal.size()).isLessThanOrEqualTo(caps.size());
            for (StoragePath probe : probes(caps)) {
                for (Action action : Action.values()) {
                    assertThat(normal.covers(probe, action)).as("%s %s %s", caps, probe, action)
                            .isEqualTo(caps.covers(probe, action));
                }
            }
        }
        assertThat(ok).isGreaterThan(CASES / 4);
    }

    private static String validList(Random random) {
        String[] scopes = {"/", "/pub/", "/pub/a/", "/pub/a", "/pub/a/b/", "/pub/a/b", "/priv/", "/priv/x", "/pub/ab/"};
        String[] actions = {"r", "w", "rw", "wr", "rrw"};
        int n = 1 + random.nextInt(5);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(scopes[random.nextInt(scopes.length)] + ":" + actions[random.nextInt(actions.length)]);
        }
        return String.join(",", entries);
    }

    private static List<StoragePath> probes(Capabilities caps) {
        List<StoragePath> probes = new ArrayList<>(List.of(StoragePath.ROOT, StoragePath.parse("/pub/a/b/c"),
                StoragePath.parse("/pub/ab"), StoragePath.parse("/priv/x/y")));
        for (Capability c : caps.entries()) {
            probes.add(c.scope());
            if (c.scope().isDirectory()) {
                probes.add(c.scope().resolveFile("f"));
            }
        }
        return probes;
    }
}
