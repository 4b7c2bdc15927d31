package org.pubky.core.storage.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.UnitProbe;
import org.pubky.spi.storage.UserRecord;
import org.pubky.spi.storage.UserStats;
import org.pubky.spi.storage.UserStore;

/** Users of an {@link InMemoryMetadataStore}; signup is one unit under the write lock. */
final class InMemoryUserStore implements UserStore {
    private final InMemoryGuard guard;
    private final InMemoryState state;
    private final UnitProbe probe;

    InMemoryUserStore(InMemoryGuard guard, InMemoryState state, UnitProbe probe) {
        this.guard = guard;
        this.state = state;
        this.probe = probe;
    }

    @Override
    public UserRecord create(String user, Instant createdAt, Optional<String> signupToken) {
        UserRecord record = new UserRecord(user, false, 0, createdAt, QuotaOverrides.NONE);
        return guard.write(() -> {
            if (state.users.containsKey(user)) {
                throw new PubkyException(ErrorCode.CONFLICT, "User already exists");
            }
            SignupTokenRecord token = null;
            if (signupToken.isPresent()) {
                token = state.tokens.get(signupToken.get());
                if (token == null) {
                    throw new PubkyException(ErrorCode.UNAUTHORIZED, "Invalid token");
                }
                if (token.usedBy().isPresent()) {
                    throw new PubkyException(ErrorCode.UNAUTHORIZED, "Token already used");
                }
            }
            UserRecord created = token == null ? record
                    : new UserRecord(user, false, 0, createdAt, token.quota());
            state.users.put(user, created);
            try {
                probe.reached(UnitProbe.USER_CREATED);
            } catch (RuntimeException | Error e) {
                state.users.remove(user);
                throw e;
            }
            if (token != null) {
                state.tokens.put(token.token(), new SignupTokenRecord(token.token(), token.createdAt(),
                        Optional.of(user), Optional.of(createdAt), token.quota()));
            }
            return created;
        });
    }

    @Override
    public Optional<UserRecord> find(String user) {
        return guard.read(() -> Optional.ofNullable(state.users.get(user)));
    }

    @Override
    public UserRecord setDisabled(String user, boolean disabled) {
        return guard.write(() -> {
            UserRecord old = existing(user);
            UserRecord updated = new UserRecord(user, disabled, old.usedBytes(), old.createdAt(), old.quota());
            state.users.put(user, updated);
            return updated;
        });
    }

    @Override
    public UserRecord setQuota(String user, QuotaOverrides quota) {
        return guard.write(() -> {
            UserRecord old = existing(user);
            UserRecord updated = new UserRecord(user, old.disabled(), old.usedBytes(), old.createdAt(), quota);
            state.users.put(user, updated);
            return updated;
        });
    }

    @Override
    public List<UserRecord> list(Optional<String> after, int limit) {
        return guard.read(() -> {
            List<UserRecord> out = new ArrayList<>();
            Iterable<UserRecord> from = after.isPresent() ? state.users.tailMap(after.get(), false).values()
                    : state.users.values();
            for (UserRecord user : from) {
                if (out.size() >= limit) {
                    break;
                }
                out.add(user);
            }
            return out;
        });
    }

    @Override
    public UserStats stats() {
        return guard.read(() -> {
            long disabled = 0;
            long used = 0;
            for (UserRecord user : state.users.values()) {
                disabled += user.disabled() ? 1 : 0;
                used += user.usedBytes();
            }
            return new UserStats(state.users.size(), disabled, used);
        });
    }

    private UserRecord existing(String user) {
        UserRecord record = state.users.get(user);
        if (record == null) {
            throw new PubkyException(ErrorCode.NOT_FOUND, "User not found");
        }
        return record;
    }
}
