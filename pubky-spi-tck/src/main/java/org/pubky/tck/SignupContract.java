package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.SignupTokenState;
import org.pubky.spi.storage.UserRecord;

/** {@link org.pubky.spi.storage.SignupTokenStore} and token consumption by {@code UserStore.create}. */
@Timeout(60)
public interface SignupContract extends MetadataStoreFixture {
    /** The template of HS-SIGNUP-014/015: a quota, a read rate and write paths; the rest default. */
    QuotaOverrides TEMPLATE = new QuotaOverrides(OptionalLong.of(1024), Optional.of("200mb/m"), Optional.empty(),
            OptionalInt.empty(), OptionalInt.empty(), Optional.of(List.of("/pub/tokens/", "/pub/paykit/")));

    /** Stores an unused token created now and returns it. */
    default SignupTokenRecord newToken(QuotaOverrides quota) {
        SignupTokenRecord token = SignupTokenRecord.unused(TckData.signupToken(), clock().instant(), quota);
        store().signupTokens().create(token);
        return token;
    }

    @Test
    default void tokenRoundTrips() {
        SignupTokenRecord token = newToken(TEMPLATE);

        assertThat(store().signupTokens().find(token.token())).contains(token);
        assertThat(store().signupTokens().find(TckData.signupToken())).isEmpty();
    }

    @Test
    default void duplicateTokenConflictsAndKeepsTheFirst() {
        SignupTokenRecord token = newToken(TEMPLATE);
        SignupTokenRecord again = SignupTokenRecord.unused(token.token(), later(9), QuotaOverrides.NONE);

        assertThatThrownBy(() -> store().signupTokens().create(again))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(store().signupTokens().find(token.token())).contains(token);
    }

    @Test
    default void signupConsumesTheTokenAndCopiesItsTemplate() {
        SignupTokenRecord token = newToken(TEMPLATE);
        String user = TckData.userKey();
        Instant at = clock().tick();

        UserRecord created = store().users().create(user, at, Optional.of(token.token()));

        assertThat(created).isEqualTo(new UserRecord(user, false, 0, at, TEMPLATE));
        assertThat(store().users().find(user)).contains(created);
        assertThat(store().signupTokens().find(token.token())).contains(new SignupTokenRecord(token.token(),
                token.createdAt(), Optional.of(user), Optional.of(at), TEMPLATE));
    }

    @Test
    default void unknownTokenIsRefusedAndCreatesNobody() {
        String user = TckData.userKey();

        assertThatThrownBy(() -> store().users().create(user, clock().instant(), Optional.of("AAAA-BBBB-CCCC")))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED))
                .hasMessage("Invalid token");
        assertThat(store().users().find(user)).isEmpty();
        assertThat(store().signupTokens().find("AAAA-BBBB-CCCC")).isEmpty();
    }

    @Test
    default void usedTokenIsRefusedAndCreatesNobody() {
        SignupTokenRecord token = newToken(TEMPLATE);
        String first = TckData.userKey();
        store().users().create(first, clock().instant(), Optional.of(token.token()));
        SignupTokenRecord used = store().signupTokens().find(token.token()).orElseThrow();
        String second = TckData.userKey();

        assertThatThrownBy(() -> store().users().create(second, later(3), Optional.of(token.token())))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED))
                .hasMessage("Token already used");
        assertThat(store().users().find(second)).isEmpty();
        assertThat(store().signupTokens().find(token.token())).contains(used);
    }

    @Test
    default void existingUserIsCheckedBeforeTheTokenAndKeepsTheTokenUnused() {
        String user = newUser();
        SignupTokenRecord unused = newToken(TEMPLATE);
        SignupTokenRecord used = newToken(QuotaOverrides.NONE);
        store().users().create(TckData.userKey(), clock().instant(), Optional.of(used.token()));

        for (String token : List.of(unused.token(), used.token(), "AAAA-BBBB-CCCC")) {
            assertThatThrownBy(() -> store().users().create(user, later(1), Optional.of(token)))
                    .as("token %s", token)
                    .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                    .hasMessage("User already exists");
        }
        assertThat(store().signupTokens().find(unused.token())).contains(unused);
        assertThat(store().users().find(user).orElseThrow().quota()).isEqualTo(QuotaOverrides.NONE);
    }

    @Test
    default void tokensAreListedInOrderFilteredByStateAndCounted() {
        List<SignupTokenRecord> tokens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tokens.add(newToken(i % 2 == 0 ? TEMPLATE : QuotaOverrides.NONE));
        }
        List<String> usedTokens = new ArrayList<>();
        for (int i = 0; i < 12; i += 3) {
            store().users().create(TckData.userKey(), clock().tick(), Optional.of(tokens.get(i).token()));
            usedTokens.add(tokens.get(i).token());
        }
        List<String> all = tokens.stream().map(SignupTokenRecord::token).sorted(Comparator.naturalOrder()).toList();
        List<String> used = all.stream().filter(usedTokens::contains).toList();
        List<String> unused = all.stream().filter(t -> !usedTokens.contains(t)).toList();

        assertThat(tokenNames(Optional.empty(), 100, SignupTokenState.ALL)).isEqualTo(all);
        assertThat(tokenNames(Optional.empty(), 100, SignupTokenState.USED)).isEqualTo(used);
        assertThat(tokenNames(Optional.empty(), 100, SignupTokenState.UNUSED)).isEqualTo(unused);
        assertThat(tokenNames(Optional.empty(), 5, SignupTokenState.ALL)).isEqualTo(all.subList(0, 5));
        assertThat(tokenNames(Optional.of(all.get(5)), 3, SignupTokenState.ALL)).isEqualTo(all.subList(6, 9));
        assertThat(tokenNames(Optional.of(unused.get(2)), 100, SignupTokenState.UNUSED))
                .isEqualTo(unused.subList(3, unused.size()));
        assertThat(tokenNames(Optional.of(all.get(11)), 100, SignupTokenState.ALL)).isEmpty();
        assertThat(store().signupTokens().count(SignupTokenState.ALL)).isEqualTo(12);
        assertThat(store().signupTokens().count(SignupTokenState.USED)).isEqualTo(4);
        assertThat(store().signupTokens().count(SignupTokenState.UNUSED)).isEqualTo(8);
        assertThat(store().signupTokens().list(Optional.empty(), 100, SignupTokenState.USED))
                .allSatisfy(t -> assertThat(t.usedBy()).isPresent());
    }

    @Test
    default void emptyStoreHasNoTokens() {
        for (SignupTokenState state : SignupTokenState.values()) {
            assertThat(store().signupTokens().count(state)).isZero();
            assertThat(store().signupTokens().list(Optional.empty(), 10, state)).isEmpty();
        }
    }

    private List<String> tokenNames(Optional<String> after, int limit, SignupTokenState state) {
        return store().signupTokens().list(after, limit, state).stream().map(SignupTokenRecord::token).toList();
    }
}
