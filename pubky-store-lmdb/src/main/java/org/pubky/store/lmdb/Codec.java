package org.pubky.store.lmdb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.CookieSession;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventType;
import org.pubky.spi.storage.GrantRecord;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.UserRecord;

/**
 * The value encoding of every record kind except entry buckets ({@link EntryBucket}). Each value
 * starts with a format version byte ({@link #V1}); the key is not repeated in the value.
 * The layouts are listed in {@code docs/storage-lmdb.md}. Stateless.
 */
final class Codec {
    /** The only format version written so far. */
    static final int V1 = 1;

    private Codec() {
    }

    /** Runs a decoder, turning anything a damaged value provokes into STORAGE_FAILURE. */
    static <T> T decode(byte[] bytes, String what, Function<ValueReader, T> decoder) {
        if (bytes == null) {
            throw ValueReader.corrupt(what + " missing");
        }
        try {
            ValueReader in = new ValueReader(bytes);
            in.expectVersion(V1, what);
            T value = decoder.apply(in);
            in.expectEnd();
            return value;
        } catch (PubkyException e) {
            if (e.code() == ErrorCode.STORAGE_FAILURE) {
                throw e;
            }
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "corrupt LMDB record: " + what, e);
        } catch (RuntimeException e) {
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "corrupt LMDB record: " + what, e);
        }
    }

    // ---- quota (embedded in users and tokens) ----------------------------------------------

    private static final int Q_STORAGE = 1;
    private static final int Q_RATE_READ = 2;
    private static final int Q_RATE_WRITE = 4;
    private static final int Q_READ_BURST = 8;
    private static final int Q_WRITE_BURST = 16;
    private static final int Q_PATHS = 32;

    static void writeQuota(ValueWriter out, QuotaOverrides q) {
        int mask = (q.storageQuotaMb().isPresent() ? Q_STORAGE : 0)
                | (q.rateRead().isPresent() ? Q_RATE_READ : 0)
                | (q.rateWrite().isPresent() ? Q_RATE_WRITE : 0)
                | (q.rateReadBurst().isPresent() ? Q_READ_BURST : 0)
                | (q.rateWriteBurst().isPresent() ? Q_WRITE_BURST : 0)
                | (q.allowedWritePaths().isPresent() ? Q_PATHS : 0);
        out.u8(mask);
        q.storageQuotaMb().ifPresent(out::zigZag);
        q.rateRead().ifPresent(out::string);
        q.rateWrite().ifPresent(out::string);
        q.rateReadBurst().ifPresent(out::zigZag);
        q.rateWriteBurst().ifPresent(out::zigZag);
        q.allowedWritePaths().ifPresent(paths -> {
            out.varLong(paths.size());
            paths.forEach(out::string);
        });
    }

    static QuotaOverrides readQuota(ValueReader in) {
        int mask = in.u8();
        if ((mask & ~63) != 0) {
            throw ValueReader.corrupt("unknown quota fields");
        }
        OptionalLong storage = (mask & Q_STORAGE) != 0 ? OptionalLong.of(in.zigZag()) : OptionalLong.empty();
        Optional<String> rateRead = (mask & Q_RATE_READ) != 0 ? Optional.of(in.string()) : Optional.empty();
        Optional<String> rateWrite = (mask & Q_RATE_WRITE) != 0 ? Optional.of(in.string()) : Optional.empty();
        OptionalInt readBurst = (mask & Q_READ_BURST) != 0 ? OptionalInt.of(in.intValue()) : OptionalInt.empty();
        OptionalInt writeBurst = (mask & Q_WRITE_BURST) != 0 ? OptionalInt.of(in.intValue()) : OptionalInt.empty();
        Optional<List<String>> paths = Optional.empty();
        if ((mask & Q_PATHS) != 0) {
            int n = in.length(); // every string takes at least one byte, so the count is bounded too
            List<String> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(in.string());
            }
            paths = Optional.of(list);
        }
        return new QuotaOverrides(storage, rateRead, rateWrite, readBurst, writeBurst, paths);
    }

    // ---- users: key = user text ------------------------------------------------------------

    static byte[] user(UserRecord u) {
        ValueWriter out = new ValueWriter(48).u8(V1).bool(u.disabled()).varLong(u.usedBytes()).instant(u.createdAt());
        writeQuota(out, u.quota());
        return out.toByteArray();
    }

    static UserRecord user(String user, byte[] bytes) {
        return decode(bytes, "user", in -> new UserRecord(user, in.bool(), in.nonNegative(), in.instant(),
                readQuota(in)));
    }

    // ---- signup tokens: key = token text ---------------------------------------------------

    static byte[] token(SignupTokenRecord t) {
        ValueWriter out = new ValueWriter(48).u8(V1).instant(t.createdAt()).bool(t.usedBy().isPresent());
        if (t.usedBy().isPresent()) {
            out.string(t.usedBy().get()).instant(t.usedAt().orElseThrow());
        }
        writeQuota(out, t.quota());
        return out.toByteArray();
    }

    static SignupTokenRecord token(String token, byte[] bytes) {
        return decode(bytes, "signup token", in -> {
            Instant createdAt = in.instant();
            boolean used = in.bool();
            Optional<String> usedBy = used ? Optional.of(in.string()) : Optional.empty();
            Optional<Instant> usedAt = used ? Optional.of(in.instant()) : Optional.empty();
            return new SignupTokenRecord(token, createdAt, usedBy, usedAt, readQuota(in));
        });
    }

    // ---- cookie sessions: key = session id -------------------------------------------------

    static byte[] session(CookieSession s) {
        return new ValueWriter(96).u8(V1).string(s.user()).string(s.capabilities()).instant(s.createdAt())
                .toByteArray();
    }

    static CookieSession session(String id, byte[] bytes) {
        return decode(bytes, "session", in -> new CookieSession(id, in.string(), in.string(), in.instant()));
    }

    // ---- grants: key = grant id ------------------------------------------------------------

    static byte[] grant(GrantRecord g) {
        ValueWriter out = new ValueWriter(192).u8(V1).string(g.user()).string(g.clientId()).string(g.clientKey())
                .string(g.capabilities()).instant(g.issuedAt()).instant(g.expiresAt())
                .bool(g.revokedAt().isPresent());
        g.revokedAt().ifPresent(out::instant);
        return out.instant(g.createdAt()).toByteArray();
    }

    static GrantRecord grant(String grantId, byte[] bytes) {
        return decode(bytes, "grant", in -> {
            String user = in.string();
            String clientId = in.string();
            String clientKey = in.string();
            String caps = in.string();
            Instant issuedAt = in.instant();
            Instant expiresAt = in.instant();
            Optional<Instant> revokedAt = in.bool() ? Optional.of(in.instant()) : Optional.empty();
            return new GrantRecord(grantId, user, clientId, clientKey, caps, issuedAt, expiresAt, revokedAt,
                    in.instant());
        });
    }

    // ---- bearer tokens: key = SHA-256 of the token -----------------------------------------

    /** A bearer row: the grant it belongs to and when it expires. */
    record Bearer(String grantId, Instant expiresAt) {
    }

    static byte[] bearer(String grantId, Instant expiresAt) {
        return new ValueWriter(40).u8(V1).string(grantId).instant(expiresAt).toByteArray();
    }

    static Bearer bearer(byte[] bytes) {
        return decode(bytes, "bearer", in -> new Bearer(in.string(), in.instant()));
    }

    // ---- replays: key = the single-use value -----------------------------------------------

    static byte[] replay(Instant at) {
        return new ValueWriter(16).u8(V1).instant(at).toByteArray();
    }

    static Instant replay(byte[] bytes) {
        return decode(bytes, "replay", ValueReader::instant);
    }

    // ---- events: key = cursor (8 bytes big-endian) -----------------------------------------

    static byte[] event(Event e) {
        ValueWriter out = new ValueWriter(160).u8(V1).u8(e.type() == EventType.PUT ? 0 : 1).string(e.user())
                .string(e.path()).instant(e.createdAt());
        e.contentHash().ifPresent(out::raw);
        return out.toByteArray();
    }

    static Event event(long cursor, byte[] bytes) {
        return decode(bytes, "event", in -> {
            int type = in.u8();
            if (type > 1) {
                throw ValueReader.corrupt("unknown event type");
            }
            String user = in.string();
            String path = in.string();
            Instant createdAt = in.instant();
            Optional<byte[]> hash = type == 0 ? Optional.of(in.raw(32)) : Optional.empty();
            return new Event(cursor, type == 0 ? EventType.PUT : EventType.DEL, user, path, hash, createdAt);
        });
    }
}
