package com.capitalledger.journal.keys;

import com.capitalledger.journal.digest.Digests;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key file as the README tells operators to make it, with openssl, and what a wrong one gets. */
class SigningKeysTest {

    /** Written by {@code openssl genpkey -algorithm ed25519 -out k.pem && openssl pkey -in k.pem -pubout >> k.pem}. */
    private static String opensslKey() throws IOException {
        try (InputStream in = SigningKeysTest.class.getResourceAsStream("/journal/openssl-ed25519.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void aKeyPairOpensslWroteSignsDigestsItsPublicKeyVerifies() throws IOException {
        SigningKeys keys = SigningKeys.fromPem(opensslKey());
        Digests.Digest digest = Digests.issue("a-ledger", 7, new byte[32], Instant.parse("2026-11-28T10:00:00Z"), keys);

        assertThat(Digests.verify(digest, SigningKeys.publicKeyFromPem(SigningKeys.publicKeyPem(keys.publicKey()))))
                .isTrue();
        assertThat(digest.rootHash()).isEqualTo(HexFormat.of().formatHex(new byte[32]));
        assertThat(SigningKeys.fromPem(keys.pem())).as("written back and read again").isEqualTo(keys);
    }

    @Test
    void aPrivateKeyWithAnotherKeysPublicHalfIsRefused() throws IOException {
        String privateOnly = opensslKey().substring(0, opensslKey().indexOf("-----BEGIN PUBLIC KEY-----"));
        String otherPublic = """
                -----BEGIN PUBLIC KEY-----
                MCowBQYDK2VwAyEAZ7gKq6MY+RapnGczgZZRjeymejfC8Mjp4Ry3zoAkcLs=
                -----END PUBLIC KEY-----
                """;

        assertThatThrownBy(() -> SigningKeys.fromPem(privateOnly + otherPublic))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the PUBLIC KEY block is not the public key of the PRIVATE KEY block");
        assertThatThrownBy(() -> SigningKeys.fromPem(privateOnly)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the signing key must hold a PRIVATE KEY and a PUBLIC KEY block");
    }
}
