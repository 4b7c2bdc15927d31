package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.GrantRecord;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.UserRecord;

/**
 * Exactly-once under concurrency for everything that is not an entry: token consumption, user
 * creation, replay values, first-copy-wins grants and the single bearer of a grant.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public interface AccountRaceContract extends MetadataStoreFixture {
    int RACERS = 16;

    @Test
    default void sixteenUsersRacingForOneTokenCreateExactlyOne() {
        for (int round = 0; round < 10; round++) {
            SignupTokenRecord token = SignupTokenRecord.unused(TckData.signupToken(), clock().instant(),
                    QuotaOverrides.NONE);
            store().signupTokens().create(token);
            List<String> users = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                users.add(TckData.userKey());
            }

            List<Race.Outcome<UserRecord>> outcomes = Race.run(RACERS,
                    racer -> store().users().create(users.get(racer), clock().instant(), Optional.of(token.token())));

            List<Race.Outcome<UserRecord>> winners = Race.winners(outcomes);
            assertThat(winners).as("round %d", round).hasSize(1);
            String winner = users.get(winners.get(0).racer());
            assertThat(store().signupTokens().find(token.token()).orElseThrow().usedBy()).contains(winner);
            for (Race.Outcome<UserRecord> loser : Race.losers(outcomes)) {
                assertThat(loser.failure()).isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED)).hasMessage("Token already used");
                assertThat(store().users().find(users.get(loser.racer()))).isEmpty();
            }
        }
        assertThat(store().users().stats().users()).isEqualTo(10);
        assertThat(store().signupTokens().count(org.pubky.spi.storage.SignupTokenState.UNUSED)).isZero();
    }

    @Test
    default void sixteenCreationsOfOneUserCreateItOnce() {
        for (int round = 0; round < 10; round++) {
            String user = TckData.userKey();

            List<Race.Outcome<UserRecord>> outcomes = Race.run(RACERS,
                    racer -> store().users().create(user, clock().instant(), Optional.empty()));

            assertThat(Race.winners(outcomes)).as("round %d", round).hasSize(1);
            for (Race.Outcome<UserRecord> loser : Race.losers(outcomes)) {
                assertThat(loser.failure()).isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT)).hasMessage("User already exists");
            }
        }
        assertThat(store().users().stats().users()).isEqualTo(10);
    }

    @Test
    default void oneUserRacingWithSixteenTokensConsumesExactlyOne() {
        String user = TckData.userKey();
        List<SignupTokenRecord> tokens = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            SignupTokenRecord token = SignupTokenRecord.unused(TckData.signupToken(), clock().instant(),
                    QuotaOverrides.NONE);
            store().signupTokens().create(token);
            tokens.add(token);
        }

        List<Race.Outcome<UserRecord>> outcomes = Race.run(RACERS,
                racer -> store().users().create(user, clock().instant(), Optional.of(tokens.get(racer).token())));

        List<Race.Outcome<UserRecord>> winners = Race.winners(outcomes);
        assertThat(winners).hasSize(1);
        Race.losers(outcomes).forEach(o -> assertThat(o.failure()).isInstanceOfSatisfying(PubkyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT)));
        for (int i = 0; i < RACERS; i++) {
            Optional<String> usedBy = store().signupTokens().find(tokens.get(i).token()).orElseThrow().usedBy();
            if (i == winners.get(0).racer()) {
                assertThat(usedBy).contains(user);
            } else {
                assertThat(usedBy).as("token of a losing racer").isEmpty();
            }
        }
    }

    @Test
    default void replayValueIsFirstUsedByExactlyOneRacer() {
        for (int round = 0; round < 20; round++) {
            String key = "pop:race-" + round;

            List<Race.Outcome<Boolean>> outcomes = Race.run(RACERS,
                    racer -> store().replays().firstUse(key, clock().instant()));

            assertThat(Race.losers(outcomes)).isEmpty();
            assertThat(outcomes.stream().filter(Race.Outcome::value).count()).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    default void concurrentCopiesOfAGrantAllSeeTheOneStored() {
        String user = newUser();
        Instant now = clock().instant();

        List<Race.Outcome<GrantRecord>> outcomes = Race.run(RACERS, racer -> store().grants().storeIfAbsent(
                new GrantRecord("race", user, "app-" + racer, TckData.userKey(), "/:rw", now,
                        now.plus(Duration.ofHours(1)), Optional.empty(), now)));

        assertThat(Race.losers(outcomes)).isEmpty();
        Set<GrantRecord> returned = new HashSet<>(outcomes.stream().map(Race.Outcome::value).toList());
        assertThat(returned).hasSize(1);
        assertThat(store().grants().find("race")).contains(returned.iterator().next());
    }

    @Test
    default void concurrentBearerReplacementsLeaveExactlyOneToken() {
        String user = newUser();
        Instant now = clock().instant();
        store().grants().storeIfAbsent(new GrantRecord("g", user, "a.app", TckData.userKey(), "/:rw", now,
                now.plus(Duration.ofHours(1)), Optional.empty(), now));

        for (int round = 0; round < 5; round++) {
            int r = round;
            List<Race.Outcome<Object>> outcomes = Race.run(RACERS, racer -> {
                store().grants().replaceBearer("g", TckData.hash(r + "-" + racer), now.plusSeconds(3600));
                return null;
            });

            assertThat(Race.losers(outcomes)).isEmpty();
            long live = 0;
            for (int racer = 0; racer < RACERS; racer++) {
                if (store().grants().findBearer(TckData.hash(r + "-" + racer)).isPresent()) {
                    live++;
                }
            }
            assertThat(live).as("round %d", round).isEqualTo(1);
        }
    }
}
