package org.pubky.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class KeypairTest {
    @ParameterizedTest
    @CsvSource({
            "00, 3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29, 8pinxxgqs41n4aididenw5apqp1urfmzdztr8jt4abrkdn435ewo",
            "01, 8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c, tkrq8zmwb8a3m9k15csu3q17qmfgqnp9dskbrg9uq1rydpyxp7qy",
            "02, 8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394, orhzqdiexwmi6iidktucgud63ufa5nwtsuzdxe176a8izd6jsqky",
            "22, a09aa5f47a6759802ff955f8dc2d2a14a5c99d23be97f864127ff9383455a4f0, wnpkm7d4c7caym93kzhpamjkn11hu8jdz4m9o3y1x9huopniwuay",
    })
    void fixedSeedsGiveTheSpecKeys(String seedByte, String hex, String z32) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) Integer.parseInt(seedByte, 16));
        Keypair keypair = Keypair.fromSecret(seed);
        assertThat(HexFormat.of().formatHex(keypair.publicKey().bytes())).isEqualTo(hex);
        assertThat(keypair.publicKey().z32()).isEqualTo(z32);
    }

    @Test
    void countingSeedGivesTheSpecKey() {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) i;
        }
        PublicKey key = Keypair.fromSecret(seed).publicKey();
        assertThat(HexFormat.of().formatHex(key.bytes()))
                .isEqualTo("03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8");
        assertThat(key.z32()).isEqualTo("yqooxx9u3aemh8mo5wcqq16yufu6jitouq1o4za751dger1igghy");
    }

    @Test
    void rfc8032TestVector1SignsTheEmptyMessage() {
        Keypair keypair = Keypair.fromSecret(HexFormat.of()
                .parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(HexFormat.of().formatHex(keypair.publicKey().bytes()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] signature = keypair.sign(new byte[0]);
        assertThat(HexFormat.of().formatHex(signature)).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(keypair.publicKey().verify(new byte[0], signature)).isTrue();
    }

    @Test
    void verifyRejectsAlteredMessagesSignaturesAndKeys() {
        Keypair keypair = Keypair.random();
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] signature = keypair.sign(message);
        assertThat(keypair.publicKey().verify(message, signature)).isTrue();
        assertThat(keypair.publicKey().verify("hellp".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        byte[] altered = signature.clone();
        altered[10] ^= 1;
        assertThat(keypair.publicKey().verify(message, altered)).isFalse();
        assertThat(keypair.publicKey().verify(message, Arrays.copyOf(signature, 63))).isFalse();
        assertThat(Keypair.random().publicKey().verify(message, signature)).isFalse();
    }

    @Test
    void signsASliceOfABuffer() {
        Keypair keypair = Keypair.random();
        byte[] buffer = "xxhelloyy".getBytes(StandardCharsets.UTF_8);
        byte[] signature = keypair.sign(buffer, 2, 5);
        assertThat(keypair.publicKey().verify("hello".getBytes(StandardCharsets.UTF_8), signature)).isTrue();
        assertThat(keypair.publicKey().verify(buffer, 2, 5, signature)).isTrue();
    }

    @Test
    void secretIsACopyAndNeverPrinted() {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 7);
        Keypair keypair = Keypair.fromSecret(seed);
        assertThat(keypair.secret()).isEqualTo(seed);
        keypair.secret()[0] = 1;
        assertThat(keypair.secret()).isEqualTo(seed);
        assertThat(keypair.toString()).doesNotContain(HexFormat.of().formatHex(seed)).contains(keypair.publicKey().z32());
        assertThatThrownBy(() -> Keypair.fromSecret(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
