package org.pubky.store.lmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.PathOrder;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.StoredBlob;

/**
 * Compares every listing and directory check with a brute-force model over a random tree that
 * mixes short paths, paths up to 972 bytes sharing prefixes longer than the 448 key bytes,
 * Unicode (including characters beyond the BMP and U+E000..U+FFFF) and file/directory clashes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ListingModelTest {
    private static final String USER = Fixtures.user(42);
    private static final String OTHER = Fixtures.user(43);
    private static final List<String> SEGMENTS = List.of("a", "b", "a-b", "a0", "é", "😀", "\uE000", "\uFFFF",
            "x".repeat(250), "y".repeat(120), "ü".repeat(100), "z");

    @TempDir
    static Path dir;
    private LmdbMetadataStore store;
    private final TreeSet<String> model = new TreeSet<>(PathOrder.COMPARATOR);
    private final Random random = new Random(4242);

    @BeforeAll
    void fill() {
        store = Fixtures.open(dir);
        store.users().create(USER, Fixtures.T0, Optional.empty());
        store.users().create(OTHER, Fixtures.T0, Optional.empty());
        String shared = "/pub/" + "x".repeat(250) + "/" + "x".repeat(250);
        List<String> explicit = new ArrayList<>();
        for (String seg : SEGMENTS) {
            explicit.add(shared + "/" + seg);
            explicit.add(shared + "/" + seg + "/" + seg);
        }
        explicit.add("/pub/" + "é".repeat(483) + "z"); // 972 bytes, the longest valid path
        int next = 0;
        while (model.size() < 600) {
            String path = next < explicit.size() ? explicit.get(next++) : randomPath();
            if (path.getBytes(StandardCharsets.UTF_8).length > 972 || model.contains(path)) {
                continue;
            }
            // administrative writes, so a file and a directory may share a name
            store.entries().put(new PutUnit(USER, path, new StoredBlob("b" + model.size(), 1), Fixtures.hash(1),
                    "text/plain", Fixtures.T0, PutUnit.NO_LIMIT, false));
            model.add(path);
        }
        // neighbours in another user's space must never leak into listings
        store.entries().put(Fixtures.put(OTHER, "/pub/a", 1));
        store.entries().put(Fixtures.put(OTHER, "/pub/" + "x".repeat(250) + "/" + "x".repeat(250) + "/q", 1));
    }

    @AfterAll
    void close() {
        store.close();
    }

    private String randomPath() {
        int depth = 1 + random.nextInt(4);
        StringBuilder b = new StringBuilder("/pub");
        for (int i = 0; i < depth; i++) {
            b.append('/').append(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
        }
        return b.toString();
    }

    private List<String> directories() {
        TreeSet<String> dirs = new TreeSet<>(PathOrder.COMPARATOR);
        dirs.add("/");
        dirs.add("/pub/");
        dirs.add("/nothing/");
        dirs.add("/pub/a/nothing/");
        for (String p : model) {
            for (int i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1)) {
                dirs.add(p.substring(0, i + 1));
            }
            dirs.add(p + "/"); // usually not a directory: must list nothing
        }
        return new ArrayList<>(dirs);
    }

    private static String child(String path, String dir) {
        String rest = path.substring(dir.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? path : dir + rest.substring(0, slash + 1);
    }

    private List<String> expected(String dir, Optional<String> cursor, int limit, boolean reverse, boolean shallow) {
        TreeSet<String> items = new TreeSet<>(PathOrder.COMPARATOR);
        for (String p : model) {
            if (p.startsWith(dir)) {
                items.add(shallow ? child(p, dir) : p);
            }
        }
        // results compare with the cursor as it is: in a shallow listing a cursor inside a child
        // directory thus skips that child going forward and keeps it going backward
        Optional<String> bound = cursor;
        List<String> ordered = new ArrayList<>(reverse ? items.descendingSet() : items);
        return ordered.stream()
                .filter(p -> bound.isEmpty() || (reverse ? PathOrder.compare(p, bound.get()) < 0
                        : PathOrder.compare(p, bound.get()) > 0))
                .limit(limit)
                .collect(Collectors.toList());
    }

    @Test
    void everyListingMatchesTheModel() {
        List<String> dirs = directories();
        List<String> paths = new ArrayList<>(model);
        int checked = 0;
        for (int round = 0; round < 4000; round++) {
            String d = dirs.get(random.nextInt(dirs.size()));
            Optional<String> cursor = switch (random.nextInt(5)) {
                case 0 -> Optional.empty();
                case 1 -> Optional.of(paths.get(random.nextInt(paths.size())));
                case 2 -> Optional.of(dirs.get(random.nextInt(dirs.size())));
                case 3 -> Optional.of(randomPath());
                default -> Optional.of(d + SEGMENTS.get(random.nextInt(SEGMENTS.size())));
            };
            int limit = 1 + random.nextInt(random.nextBoolean() ? 5 : 1000);
            boolean reverse = random.nextBoolean();
            boolean shallow = random.nextBoolean();
            List<String> actual = store.entries().list(new ListQuery(USER, d, cursor, limit, reverse, shallow));
            assertThat(actual).as("dir=%s cursor=%s limit=%d reverse=%s shallow=%s", d, cursor, limit, reverse,
                    shallow).isEqualTo(expected(d, cursor, limit, reverse, shallow));
            checked += actual.size();
        }
        assertThat(checked).isGreaterThan(2_000);
    }

    @Test
    void theTreeHasBucketsSharedByLongPaths() {
        List<String> longPaths = model.stream().filter(p -> p.getBytes(StandardCharsets.UTF_8).length > 448).toList();
        long buckets = longPaths.stream().map(p -> new String(java.util.Arrays.copyOf(
                p.getBytes(StandardCharsets.UTF_8), 448), StandardCharsets.ISO_8859_1)).distinct().count();
        assertThat(longPaths).hasSizeGreaterThan(40);
        assertThat(buckets).isLessThan(longPaths.size() - 20);
        assertThat(model).contains("/pub/" + "é".repeat(483) + "z");
    }

    @Test
    void pagingWithTheLastResultAsCursorWalksEverything() {
        for (String d : directories()) {
            for (boolean reverse : new boolean[] {false, true}) {
                for (boolean shallow : new boolean[] {false, true}) {
                    List<String> all = new ArrayList<>();
                    Optional<String> cursor = Optional.empty();
                    while (true) {
                        List<String> page = store.entries().list(new ListQuery(USER, d, cursor, 3, reverse, shallow));
                        all.addAll(page);
                        if (page.size() < 3) {
                            break;
                        }
                        cursor = Optional.of(page.get(2));
                    }
                    assertThat(all).isEqualTo(expected(d, Optional.empty(), Integer.MAX_VALUE, reverse, shallow));
                }
            }
        }
    }

    @Test
    void directoryExistsMatchesTheModel() {
        for (String d : directories()) {
            boolean expected = model.stream().anyMatch(p -> p.startsWith(d));
            assertThat(store.entries().directoryExists(USER, d)).as(d).isEqualTo(expected);
        }
        assertThat(store.entries().directoryExists(Fixtures.user(99), "/pub/")).isFalse();
    }

    @Test
    void findReturnsEveryStoredPathExactly() {
        for (String p : model) {
            assertThat(store.entries().find(USER, p)).as(p).hasValueSatisfying(e -> assertThat(e.path()).isEqualTo(p));
        }
        assertThat(store.entries().find(USER, "/pub/" + "x".repeat(250) + "/" + "x".repeat(250) + "/nope")).isEmpty();
    }
}
