package org.pubky.dht.mainline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class TokenSecretsTest {
    private static final long PERIOD = 300_000;
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final TokenSecrets secrets = new TokenSecrets(new Random(5), now::get, PERIOD);

    @Test
    void tokenIsBoundToTheRequesterIp() throws Exception {
        InetAddress a = InetAddress.getByName("1.2.3.4");
        InetAddress b = InetAddress.getByName("1.2.3.5");
        byte[] token = secrets.token(a);
        assertThat(token).hasSize(TokenSecrets.TOKEN_LENGTH);
        assertThat(secrets.isValid(a, token)).isTrue();
        assertThat(secrets.isValid(b, token)).isFalse();
        assertThat(secrets.token(a)).isEqualTo(token);
        assertThat(secrets.token(b)).isNotEqualTo(token);
    }

    @Test
    void tokenSurvivesOneRotationButNotTwo() throws Exception {
        InetAddress a = InetAddress.getByName("1.2.3.4");
        byte[] token = secrets.token(a);
        now.addAndGet(PERIOD - 1);
        assertThat(secrets.isValid(a, token)).isTrue();
        assertThat(secrets.token(a)).isEqualTo(token);
        now.addAndGet(1); // first rotation: still valid as "previous"
        assertThat(secrets.isValid(a, token)).isTrue();
        byte[] second = secrets.token(a);
        assertThat(second).isNotEqualTo(token);
        now.addAndGet(PERIOD); // second rotation: the first token is gone, the second still valid
        assertThat(secrets.isValid(a, token)).isFalse();
        assertThat(secrets.isValid(a, second)).isTrue();
    }

    @Test
    void longSilenceInvalidatesEverything() throws Exception {
        InetAddress a = InetAddress.getByName("1.2.3.4");
        byte[] token = secrets.token(a);
        now.addAndGet(PERIOD * 2);
        assertThat(secrets.isValid(a, token)).isFalse();
    }

    @Test
    void malformedTokensAreInvalid() throws Exception {
        InetAddress a = InetAddress.getByName("1.2.3.4");
        assertThat(secrets.isValid(a, null)).isFalse();
        assertThat(secrets.isValid(a, new byte[0])).isFalse();
        assertThat(secrets.isValid(a, new byte[20])).isFalse();
    }
}
