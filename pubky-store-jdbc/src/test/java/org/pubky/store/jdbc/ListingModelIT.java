package org.pubky.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.PathOrder;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.store.jdbc.db.Dialect;

/**
 * Listings against a model: a random tree of paths built from names that sort differently by
 * UTF-8 bytes, by UTF-16 units and by collations ({@code -} vs {@code /}, BMP private use vs
 * supplementary characters, spaces, twins of files and directories), compared with what a plain
 * sort by {@link PathOrder} says for thousands of random queries.
 */
@Timeout(300)
final class ListingModelIT {
    static final String USER = "8pinxxgqs41n4aididenw5apqp1urfmzdztr8jt4abrkdn435ewo";
    private static final String[] NAMES = {"a", "b", "a-b", "a.b", "a0", "A", "\u00e9", "\ud83d\ude00", "\ue000",
        "\ufffd", "x y", "~", "0", "a b", "\u4e2d"};

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void listingsAndDirectoryChecksMatchTheModel(Dialect dialect) {
        Random random = new Random(20261124L + dialect.ordinal());
        TreeSet<String> files = new TreeSet<>(PathOrder.COMPARATOR);
        while (files.size() < 220) {
            StringBuilder path = new StringBuilder("/m");
            int depth = 1 + random.nextInt(4);
            for (int d = 0; d < depth; d++) {
                path.append('/').append(NAMES[random.nextInt(NAMES.length)]);
            }
            files.add(path.toString());
        }
        try (TestDatabase tdb = TestDatabase.create(dialect);
                MetadataStore store = new JdbcMetadataStoreProvider().open(tdb.context(), tdb.config())) {
            store.users().create(USER, Instant.EPOCH, Optional.empty());
            List<String> shuffled = new ArrayList<>(files);
            java.util.Collections.shuffle(shuffled, random);
            for (String path : shuffled) {
                // collision checks off: the model has files and directories of the same name
                store.entries().put(new PutUnit(USER, path, new StoredBlob("b", 1), new byte[32], "x",
                        Instant.EPOCH, PutUnit.NO_LIMIT, false));
            }
            List<String> directories = directories(files);
            List<String> cursors = new ArrayList<>(files);
            cursors.addAll(directories);
            cursors.addAll(List.of("/", "/l", "/m", "/m-", "/m0", "/n", "/\ud83d\ude00", "/m/a/zz", "/m/\ue000/"));
            int checked = 0;
            for (int q = 0; q < 1500; q++) {
                String picked = directories.get(random.nextInt(directories.size()));
                // every tenth query names a directory that often does not exist
                String dir = q % 10 == 0 ? picked + NAMES[random.nextInt(NAMES.length)] + "/" : picked;
                Optional<String> cursor = random.nextInt(4) == 0 ? Optional.empty()
                        : Optional.of(cursors.get(random.nextInt(cursors.size())));
                int limit = new int[] {1, 2, 3, 5, 8, 1000}[random.nextInt(6)];
                boolean reverse = random.nextBoolean();
                boolean shallow = random.nextBoolean();
                ListQuery query = new ListQuery(USER, dir, cursor, limit, reverse, shallow);
                assertThat(store.entries().list(query)).as("%s", query).isEqualTo(model(files, query));
                assertThat(store.entries().directoryExists(USER, dir)).as("directoryExists %s", dir)
                        .isEqualTo(files.stream().anyMatch(f -> f.startsWith(dir)));
                checked++;
            }
            assertThat(checked).isEqualTo(1500);
            // and a full walk in pages of one matches the model in both directions
            for (boolean reverse : new boolean[] {false, true}) {
                for (boolean shallow : new boolean[] {false, true}) {
                    List<String> walked = new ArrayList<>();
                    Optional<String> cursor = Optional.empty();
                    while (true) {
                        List<String> page = store.entries().list(new ListQuery(USER, "/m/", cursor, 1, reverse,
                                shallow));
                        if (page.isEmpty()) {
                            break;
                        }
                        walked.addAll(page);
                        cursor = Optional.of(page.get(0));
                    }
                    assertThat(walked).isEqualTo(model(files, new ListQuery(USER, "/m/", Optional.empty(),
                            Integer.MAX_VALUE, reverse, shallow)));
                }
            }
        }
    }

    private static List<String> directories(TreeSet<String> files) {
        TreeSet<String> dirs = new TreeSet<>(PathOrder.COMPARATOR);
        for (String f : files) {
            for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
                dirs.add(f.substring(0, i + 1));
            }
        }
        return new ArrayList<>(dirs);
    }

    /**
     * What a listing must return: the listed forms (a file, or an immediate child directory with
     * its trailing slash when shallow), sorted by UTF-8 bytes, strictly beyond the cursor.
     */
    static List<String> model(TreeSet<String> files, ListQuery q) {
        Stream<String> forms = files.stream().filter(f -> f.startsWith(q.directory())).map(f -> {
            if (!q.shallow()) {
                return f;
            }
            int slash = f.indexOf('/', q.directory().length());
            return slash < 0 ? f : f.substring(0, slash + 1);
        }).distinct();
        if (q.cursor().isPresent()) {
            String c = q.cursor().get();
            forms = forms.filter(f -> q.reverse() ? PathOrder.compare(f, c) < 0 : PathOrder.compare(f, c) > 0);
        }
        return forms.sorted(q.reverse() ? PathOrder.COMPARATOR.reversed() : PathOrder.COMPARATOR).limit(q.limit())
                .toList();
    }
}
