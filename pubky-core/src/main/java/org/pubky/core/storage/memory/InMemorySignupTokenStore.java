package org.pubky.core.storage.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.SignupTokenState;
import org.pubky.spi.storage.SignupTokenStore;

/** Signup tokens of an {@link InMemoryMetadataStore}; {@link InMemoryUserStore} consumes them. */
final class InMemorySignupTokenStore implements SignupTokenStore {
    private final InMemoryGuard guard;
    private final InMemoryState state;

    InMemorySignupTokenStore(InMemoryGuard guard, InMemoryState state) {
        this.guard = guard;
        this.state = state;
    }

    @Override
    public void create(SignupTokenRecord token) {
        guard.write(() -> {
            if (state.tokens.putIfAbsent(token.token(), token) != null) {
                throw new PubkyException(ErrorCode.CONFLICT, "Token already exists");
            }
            return null;
        });
    }

    @Override
    public Optional<SignupTokenRecord> find(String token) {
        return guard.read(() -> Optional.ofNullable(state.tokens.get(token)));
    }

    @Override
    public List<SignupTokenRecord> list(Optional<String> after, int limit, SignupTokenState filter) {
        return guard.read(() -> {
            List<SignupTokenRecord> out = new ArrayList<>();
            Iterable<SignupTokenRecord> from = after.isPresent() ? state.tokens.tailMap(after.get(), false).values()
                    : state.tokens.values();
            for (SignupTokenRecord token : from) {
                if (out.size() >= limit) {
                    break;
                }
                if (filter.includes(token)) {
                    out.add(token);
                }
            }
            return out;
        });
    }

    @Override
    public long count(SignupTokenState filter) {
        return guard.read(() -> state.tokens.values().stream().filter(filter::includes).count());
    }
}
