package org.pubky.core.homeserver.admin;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.pubky.core.auth.SignupToken;
import org.pubky.core.encoding.JsonWriter;
import org.pubky.core.homeserver.Homeserver;
import org.pubky.core.homeserver.HomeserverSettings;
import org.pubky.core.homeserver.quota.QuotaJson;
import org.pubky.core.homeserver.quota.QuotaPatch;
import org.pubky.core.homeserver.quota.QuotaRules;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.StoragePath;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.SignupTokenState;
import org.pubky.spi.storage.UserRecord;
import org.pubky.spi.storage.UserStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations behind the admin API, transport free: the overview, signup tokens, user
 * disable/enable, per-user limits and the repair delete of a public file. Responses that the
 * reference answers with JSON are returned as JSON text in its field order.
 *
 * <p>Thread-safe. Quota changes are read-modify-write on the user record; they are serialized
 * within this instance so two concurrent patches never lose each other's fields (several
 * instances sharing one database can still interleave, as the stores offer no compare-and-set).
 * Every change is logged at INFO without secrets.
 */
public final class AdminService {
    private static final Logger LOG = LoggerFactory.getLogger(AdminService.class);
    private static final long MIB = 1024L * 1024;
    private static final int TOKEN_ATTEMPTS = 5;

    private final Homeserver homeserver;
    private final String version;
    private final IntSupplier localHttpPort;
    private final Object quotaLock = new Object();

    /**
     * @param version reported by {@code /info}
     * @param localHttpPort the port the client API actually listens on (0 if unknown), published
     *     in {@code pkarr_icann_domain} when no public HTTP port is configured
     */
    public AdminService(Homeserver homeserver, String version, IntSupplier localHttpPort) {
        this.homeserver = requireNonNull(homeserver, "homeserver is null");
        this.version = requireNonNull(version, "version is null");
        this.localHttpPort = requireNonNull(localHttpPort, "localHttpPort is null");
    }

    /** {@code GET /info}: counters and the homeserver's published identity. */
    public String infoJson() {
        UserStats users = homeserver.metadata().users().stats();
        long tokens = homeserver.metadata().signupTokens().count(SignupTokenState.ALL);
        long unused = homeserver.metadata().signupTokens().count(SignupTokenState.UNUSED);
        HomeserverSettings s = homeserver.settings();
        Optional<String> pubkyAddress = s.publicIp().isPresent() && s.publicTlsPort().orElse(0) != 0
                ? Optional.of(s.publicIp().get() + ":" + s.publicTlsPort().getAsInt()) : Optional.empty();
        int httpPort = s.publicHttpPort().orElse(localHttpPort.getAsInt());
        Optional<String> icann = s.icannDomain().filter(d -> httpPort != 0).map(d -> d + ":" + httpPort);
        return new JsonWriter().beginObject()
                .name("num_users").value(users.users())
                .name("num_disabled_users").value(users.disabledUsers())
                .name("total_disk_used_mb").value(roundedMebibytes(users.usedBytes()))
                .name("num_signup_codes").value(tokens)
                .name("num_unused_signup_codes").value(unused)
                .name("public_key").value(homeserver.publicKey().z32())
                .name("pkarr_pubky_address").value(pubkyAddress.orElse(null))
                .name("pkarr_icann_domain").value(icann.orElse(null))
                .name("version").value(version)
                .endObject().toString();
    }

    /** Mints a signup token whose user will get {@code template} as limits. */
    public SignupToken generateSignupToken(QuotaOverrides template) {
        QuotaRules.validate(template);
        for (int attempt = 1; ; attempt++) {
            SignupToken token = SignupToken.generate(homeserver.random());
            try {
                homeserver.metadata().signupTokens().create(
                        SignupTokenRecord.unused(token.value(), homeserver.clock().instant(), template));
                LOG.info("admin: signup token minted{}", template.isEmpty() ? "" : " with limits " + QuotaJson.write(template));
                return token;
            } catch (PubkyException e) {
                if (e.code() != ErrorCode.CONFLICT || attempt == TOKEN_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** {@code GET /signup_tokens}: one page in token order. */
    public String signupTokensJson(SignupTokenQuery query) {
        List<SignupTokenRecord> rows = homeserver.metadata().signupTokens()
                .list(query.cursor(), query.limit() + 1, query.state());
        boolean more = rows.size() > query.limit();
        List<SignupTokenRecord> page = more ? rows.subList(0, query.limit()) : rows;
        JsonWriter w = new JsonWriter().beginObject().name("items").beginArray();
        for (SignupTokenRecord token : page) {
            w.beginObject()
                    .name("token").value(token.token())
                    .name("created_at").value(naiveDateTime(token.createdAt()))
                    .name("used_at").value(token.usedAt().map(AdminService::naiveDateTime).orElse(null))
                    .name("used_by").value(token.usedBy().orElse(null))
                    .endObject();
        }
        w.endArray().name("next_cursor").value(more ? page.get(page.size() - 1).token() : null);
        return w.endObject().toString();
    }

    /** {@code POST /users/{key}/disable|enable}; 404 "Not Found" for an unknown user. */
    public void setDisabled(PublicKey user, boolean disabled) {
        existing(user);
        homeserver.metadata().users().setDisabled(user.z32(), disabled);
        LOG.info("admin: user {} {}", user.z32(), disabled ? "disabled" : "enabled");
    }

    /** {@code GET /users/{key}/quota}: {@code {"effective":{…},"overrides":{…}}}. */
    public String quotaJson(PublicKey user) {
        QuotaOverrides overrides = existing(user).quota();
        JsonWriter w = new JsonWriter().beginObject().name("effective");
        QuotaJson.writeEffective(w, overrides, homeserver.quotas().defaults());
        QuotaJson.write(w.name("overrides"), overrides);
        return w.endObject().toString();
    }

    /**
     * {@code PATCH /users/{key}/quota}: applies the change and validates the result; the next
     * request of the user sees it (limits are read from the user record on every write).
     *
     * @throws PubkyException 404 for an unknown user, 422 if the merged limits break a rule
     */
    public QuotaOverrides patchQuota(PublicKey user, QuotaPatch patch) {
        synchronized (quotaLock) {
            QuotaOverrides merged = QuotaRules.validate(patch.applyTo(existing(user).quota()));
            homeserver.metadata().users().setQuota(user.z32(), merged);
            LOG.info("admin: limits of user {} set to {}", user.z32(), QuotaJson.write(merged));
            return merged;
        }
    }

    /**
     * {@code DELETE /webdav/{key}/pub/…}: removes one public file (a DEL event is written).
     *
     * @throws PubkyException 400 for a path outside {@code /pub/}, 404 for a missing file (a
     *     directory path names no file, so it is 404 too)
     */
    public void deletePublicFile(PublicKey user, StoragePath path) {
        if (!path.isPublic()) {
            throw new PubkyException(ErrorCode.INVALID_PATH, "Path must start with /pub/");
        }
        homeserver.storage().adminDelete(user, path);
        LOG.info("admin: deleted {}{}", user.z32(), path.value());
    }

    private UserRecord existing(PublicKey user) {
        return homeserver.metadata().users().find(user.z32())
                .orElseThrow(() -> new PubkyException(ErrorCode.NOT_FOUND, "Not Found"));
    }

    /** Like the reference's SQL {@code (SUM(used_bytes) / 1048576)::bigint}: rounded, not floored. */
    static long roundedMebibytes(long bytes) {
        return bytes / MIB + (bytes % MIB >= MIB / 2 ? 1 : 0);
    }

    /** chrono's {@code NaiveDateTime} JSON form: ISO-8601 in UTC without an offset, microseconds. */
    static String naiveDateTime(Instant instant) {
        String text = instant.truncatedTo(ChronoUnit.MICROS).toString();
        return text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
    }
}
