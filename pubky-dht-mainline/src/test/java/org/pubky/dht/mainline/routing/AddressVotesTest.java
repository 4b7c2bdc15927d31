package org.pubky.dht.mainline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

final class AddressVotesTest {
    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static InetSocketAddress voter(String s) throws Exception {
        return new InetSocketAddress(ip(s), 6881);
    }

    @Test
    void winnerNeedsAQuorumAndAMajority() throws Exception {
        AddressVotes votes = new AddressVotes(3, 64);
        InetSocketAddress us = new InetSocketAddress(ip("8.8.4.4"), 6881);
        InetSocketAddress liar = new InetSocketAddress(ip("1.2.3.4"), 6881);
        assertThat(votes.vote(voter("10.0.0.1"), us)).isEmpty();
        assertThat(votes.vote(voter("10.0.0.2"), us)).isEmpty();
        assertThat(votes.vote(voter("10.0.0.3"), us)).contains(us);
        votes.vote(voter("10.0.0.4"), liar);
        votes.vote(voter("10.0.0.5"), liar);
        assertThat(votes.winner()).contains(us);
        votes.vote(voter("10.0.0.6"), liar);
        assertThat(votes.winner()).isEmpty(); // 3 against 3: no majority
    }

    @Test
    void oneVotePerVoter() throws Exception {
        AddressVotes votes = new AddressVotes(3, 64);
        InetSocketAddress us = new InetSocketAddress(ip("8.8.4.4"), 6881);
        for (int i = 0; i < 10; i++) {
            votes.vote(voter("10.0.0.1"), us);
        }
        assertThat(votes.winner()).isEmpty();
    }
}
