package org.pubky.core.storage.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BearerSession;
import org.pubky.spi.storage.GrantRecord;
import org.pubky.spi.storage.GrantStore;
import org.pubky.spi.storage.UnitProbe;

/** Grants and bearer tokens of an {@link InMemoryMetadataStore}; bearers are keyed by the hex of their hash. */
final class InMemoryGrantStore implements GrantStore {
    private static final HexFormat HEX = HexFormat.of();

    private final InMemoryGuard guard;
    private final InMemoryState state;
    private final UnitProbe probe;

    InMemoryGrantStore(InMemoryGuard guard, InMemoryState state, UnitProbe probe) {
        this.guard = guard;
        this.state = state;
        this.probe = probe;
    }

    @Override
    public GrantRecord storeIfAbsent(GrantRecord grant) {
        return guard.write(() -> {
            if (!state.users.containsKey(grant.user())) {
                throw new PubkyException(ErrorCode.NOT_FOUND, "User not found");
            }
            GrantRecord existing = state.grants.putIfAbsent(grant.grantId(), grant);
            return existing == null ? grant : existing;
        });
    }

    @Override
    public Optional<GrantRecord> find(String grantId) {
        return guard.read(() -> Optional.ofNullable(state.grants.get(grantId)));
    }

    @Override
    public boolean revoke(String grantId, Instant at) {
        return guard.write(() -> {
            GrantRecord grant = state.grants.get(grantId);
            if (grant == null) {
                return false;
            }
            if (grant.revokedAt().isEmpty()) {
                state.grants.put(grantId, grant.revoked(at));
            }
            String token = state.bearerOfGrant.remove(grantId);
            if (token != null) {
                state.bearers.remove(token);
            }
            return true;
        });
    }

    @Override
    public List<GrantRecord> listActive(String user, Instant now) {
        return guard.read(() -> {
            List<GrantRecord> out = new ArrayList<>();
            for (GrantRecord grant : state.grants.values()) {
                if (grant.user().equals(user) && grant.isActive(now)) {
                    out.add(grant);
                }
            }
            return out;
        });
    }

    @Override
    public void replaceBearer(String grantId, byte[] tokenHash, Instant expiresAt) {
        String token = hex(tokenHash);
        guard.write(() -> {
            if (!state.grants.containsKey(grantId)) {
                throw new PubkyException(ErrorCode.NOT_FOUND, "Grant not found");
            }
            String old = state.bearerOfGrant.remove(grantId);
            InMemoryState.Bearer oldBearer = old == null ? null : state.bearers.remove(old);
            try {
                probe.reached(UnitProbe.BEARERS_DELETED);
            } catch (RuntimeException | Error e) {
                if (old != null) {
                    state.bearerOfGrant.put(grantId, old);
                    state.bearers.put(old, oldBearer);
                }
                throw e;
            }
            // a token hash already held by another grant moves to this one
            InMemoryState.Bearer previous = state.bearers.put(token, new InMemoryState.Bearer(grantId, expiresAt));
            if (previous != null && !previous.grantId().equals(grantId)) {
                state.bearerOfGrant.remove(previous.grantId());
            }
            state.bearerOfGrant.put(grantId, token);
            return null;
        });
    }

    @Override
    public Optional<BearerSession> findBearer(byte[] tokenHash) {
        String token = hex(tokenHash);
        return guard.read(() -> {
            InMemoryState.Bearer bearer = state.bearers.get(token);
            if (bearer == null) {
                return Optional.empty();
            }
            return Optional.of(new BearerSession(state.grants.get(bearer.grantId()), bearer.expiresAt()));
        });
    }

    @Override
    public int purgeExpiredBearers(Instant now) {
        return guard.write(() -> {
            int before = state.bearers.size();
            state.bearers.entrySet().removeIf(e -> {
                if (e.getValue().expiresAt().isBefore(now)) {
                    state.bearerOfGrant.remove(e.getValue().grantId());
                    return true;
                }
                return false;
            });
            return before - state.bearers.size();
        });
    }

    private static String hex(byte[] tokenHash) {
        if (tokenHash == null || tokenHash.length != 32) {
            throw new PubkyException(ErrorCode.INTERNAL, "bearer token hash must be 32 bytes");
        }
        return HEX.formatHex(tokenHash);
    }
}
