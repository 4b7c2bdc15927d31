package org.pubky.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.StoreCapability;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.store.jdbc.blob.ChunkInputStream;
import org.pubky.store.jdbc.blob.InputFailure;
import org.pubky.store.jdbc.db.Database;
import org.pubky.store.jdbc.db.Dialect;
import org.pubky.store.jdbc.db.JdbcSettings;
import org.pubky.store.jdbc.db.Migration;
import org.pubky.store.jdbc.db.Migrator;
import org.pubky.store.jdbc.db.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs inside the database: a row in {@code pubky_blobs} plus the content in fixed-size chunk rows
 * of {@code pubky_blob_chunks} (256 KiB by default, setting {@code chunk-size}).
 *
 * <p>A write streams the input chunk by chunk into one transaction and commits at the end: memory
 * stays at one chunk, the blob becomes visible (and durable, as the database's commit is) only when
 * complete, and a failing input or a crash leaves nothing behind. H2 holds an open transaction's
 * rows on the heap, so there each chunk is committed behind a header marked pending, which reads
 * and scans ignore; a failed write removes its chunks, and a crash's leftovers are swept once
 * abandoned (see {@link #scan}). Reads fetch one chunk per query
 * and hold no connection between reads ({@link ChunkInputStream}); range reads start at the chunk
 * holding the offset. {@link #scan} pages through blobs by creation time.
 *
 * <p>Meant for deployments that want one backup for everything or have no shared file system; a
 * file or object store scales better for large content. Thread-safe.
 */
public final class JdbcBlobStore implements BlobStore {
    /** The migration component of this store's tables. */
    public static final String COMPONENT = "blobs";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcBlobStore.class);
    private static final int SCAN_PAGE = 1000;
    /** The length of a blob whose write has not finished; such blobs cannot be opened. */
    private static final long PENDING = -1;
    /** After this, a pending blob is an abandoned write (a crash) and the sweep may remove it. */
    private static final Duration ABANDONED = Duration.ofDays(1);
    /** The ids this store hands out: 32 lowercase hex digits. Anything else is never stored. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9a-f]{32}");

    private final Database db;
    private final Clock clock;
    private final int chunkSize;
    private final SecureRandom random = new SecureRandom();
    private final String blobs;
    private final String chunks;
    private final String selectChunk;
    private final Set<StoreCapability> capabilities;
    private final boolean staged;

    JdbcBlobStore(Database db, JdbcSettings settings, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.chunkSize = settings.chunkSize();
        this.blobs = db.table("blobs");
        this.chunks = db.table("blob_chunks");
        this.selectChunk = "SELECT data FROM " + chunks + " WHERE blob_id = ? AND seq = ?";
        // H2 keeps the rows of an open transaction on the heap, so there a write commits chunk by
        // chunk behind a pending header; PostgreSQL and MariaDB stream one transaction to disk
        this.staged = db.dialect() == Dialect.H2;
        Migrator.migrate(db, COMPONENT, migrations(db), settings.migrate(), clock);
        EnumSet<StoreCapability> caps = EnumSet.of(StoreCapability.RANGE_READS);
        if (!db.inMemory()) {
            caps.add(StoreCapability.DURABLE);
        }
        this.capabilities = Set.copyOf(caps);
    }

    private static List<Migration> migrations(Database db) {
        return List.of(Migration.load(COMPONENT, db.dialect(), 1, "init"));
    }

    /** Opens a store as the {@code jdbc} blob provider does (see {@link JdbcMetadataStore#open}). */
    public static JdbcBlobStore open(ProviderContext context, Map<String, String> config) {
        JdbcSettings settings = JdbcSettings.parse(config);
        Set<String> unknown = JdbcSettings.unknownKeys(config);
        if (!unknown.isEmpty()) {
            LOG.warn("jdbc blob store: ignoring unknown settings {}", unknown);
        }
        Database db = Database.open(context, settings, "jdbc blob store");
        try {
            return new JdbcBlobStore(db, settings, context.clock());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A runtime exception or error thrown by {@code content} propagates as the same instance;
     * an {@link IOException} as an {@link UncheckedIOException} whose cause is that instance.
     * Either way nothing of the blob remains.
     */
    @Override
    public StoredBlob write(InputStream content) {
        requireNonNull(content, "content is null");
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        String id = HexFormat.of().formatHex(raw);
        long created = Times.toMicros(clock.instant());
        byte[] buffer = new byte[chunkSize];
        try {
            long length = db.transactionOnce(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + blobs
                        + " (id, length, chunk_size, created_at) VALUES (?, " + PENDING + ", ?, ?)")) {
                    ps.setString(1, id);
                    ps.setInt(2, chunkSize);
                    ps.setLong(3, created);
                    ps.executeUpdate();
                }
                if (staged) {
                    c.commit();
                }
                long total = 0;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + chunks
                        + " (blob_id, seq, data) VALUES (?, ?, ?)")) {
                    for (int seq = 0;; seq++) {
                        int n = fill(content, buffer);
                        if (n == 0) {
                            break;
                        }
                        ps.setString(1, id);
                        ps.setInt(2, seq);
                        ps.setBinaryStream(3, new ByteArrayInputStream(buffer, 0, n), n);
                        ps.executeUpdate();
                        if (staged) {
                            c.commit();
                        }
                        total += n;
                        if (n < buffer.length) {
                            break;
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + blobs + " SET length = ? WHERE id = ?")) {
                    ps.setLong(1, total);
                    ps.setString(2, id);
                    if (ps.executeUpdate() != 1) {
                        throw new PubkyException(ErrorCode.STORAGE_FAILURE, "blob was removed while being written");
                    }
                }
                return total;
            });
            return new StoredBlob(id, length);
        } catch (RuntimeException | Error e) {
            if (staged) {
                discard(id, e);
            }
            if (e instanceof InputFailure input) {
                Throwable cause = input.getCause();
                if (cause instanceof IOException io) {
                    throw new UncheckedIOException(io);
                }
                throw InputFailure.<RuntimeException>rethrow(cause);
            }
            throw e;
        }
    }

    /** Removes what a failed staged write committed; a failure here is attached to the original one. */
    private void discard(String id, Throwable failure) {
        try {
            delete(id, true);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Reads until {@code buffer} is full or the input ends; input failures come out as {@link InputFailure}. */
    private static int fill(InputStream in, byte[] buffer) {
        int n = 0;
        try {
            while (n < buffer.length) {
                int r = in.read(buffer, n, buffer.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException | RuntimeException | Error e) {
            throw new InputFailure(e);
        }
        return n;
    }

    private record Header(long length, int chunkSize) {
    }

    private Header header(String id) {
        if (!ID.matcher(id).matches()) {
            db.ensureOpen();
            throw new PubkyException(ErrorCode.NOT_FOUND, "blob not found");
        }
        Optional<Header> h = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT length, chunk_size FROM " + blobs
                    + " WHERE id = ? AND length >= 0")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Header(rs.getLong(1), rs.getInt(2))) : Optional.empty();
                }
            }
        });
        return h.orElseThrow(() -> new PubkyException(ErrorCode.NOT_FOUND, "blob not found"));
    }

    @Override
    public InputStream open(String id) {
        requireNonNull(id, "id is null");
        Header h = header(id);
        return new ChunkInputStream(db, selectChunk, id, h.chunkSize(), 0, h.length());
    }

    /** {@inheritDoc} A range reaching past the end is cut at the end. */
    @Override
    public InputStream open(String id, long offset, long length) {
        requireNonNull(id, "id is null");
        if (offset < 0 || length < 0) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "range offset and length must not be negative");
        }
        Header h = header(id);
        long start = Math.min(offset, h.length());
        long end = length > h.length() - start ? h.length() : start + length;
        return new ChunkInputStream(db, selectChunk, id, h.chunkSize(), start, end);
    }

    @Override
    public boolean delete(String id) {
        requireNonNull(id, "id is null");
        if (!ID.matcher(id).matches()) {
            db.ensureOpen();
            return false;
        }
        return delete(id, false);
    }

    private boolean delete(String id, boolean pendingToo) {
        return db.transaction(c -> {
            // the chunks go with the header (ON DELETE CASCADE); a write still under way is kept
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + blobs + " WHERE id = ?"
                    + (pendingToo ? "" : " AND (length >= 0 OR created_at < ?)"))) {
                ps.setString(1, id);
                if (!pendingToo) {
                    ps.setLong(2, abandonedBefore());
                }
                return ps.executeUpdate() > 0;
            }
        });
    }

    private long abandonedBefore() {
        return Times.toMicros(clock.instant().minus(ABANDONED));
    }

    /**
     * {@inheritDoc} Pages through the blobs by {@code (created_at, id)}, {@value #SCAN_PAGE} per
     * query, holding no connection while {@code visitor} runs (it may delete what it visits).
     * Unfinished writes are not visited unless abandoned (pending for more than a day), so that
     * the orphan sweep also removes what a crash left half-written.
     */
    @Override
    public void scan(Instant createdBefore, Consumer<String> visitor) {
        long before = Times.toMicros(createdBefore);
        long abandoned = Math.min(before, abandonedBefore());
        long lastCreated = Long.MIN_VALUE;
        String lastId = "";
        while (true) {
            long fromCreated = lastCreated;
            String fromId = lastId;
            List<Object[]> page = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT created_at, id FROM " + blobs
                        + " WHERE created_at < ? AND (created_at > ? OR (created_at = ? AND id > ?)) "
                        + "AND (length >= 0 OR created_at < ?) ORDER BY created_at, id LIMIT " + SCAN_PAGE)) {
                    ps.setLong(1, before);
                    ps.setLong(2, fromCreated);
                    ps.setLong(3, fromCreated);
                    ps.setString(4, fromId);
                    ps.setLong(5, abandoned);
                    List<Object[]> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Object[] {rs.getLong(1), rs.getString(2)});
                        }
                    }
                    return out;
                }
            });
            for (Object[] row : page) {
                visitor.accept((String) row[1]);
            }
            if (page.size() < SCAN_PAGE) {
                return;
            }
            Object[] last = page.get(page.size() - 1);
            lastCreated = (Long) last[0];
            lastId = (String) last[1];
        }
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return capabilities;
    }

    /** The database this store uses. */
    public Database database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
