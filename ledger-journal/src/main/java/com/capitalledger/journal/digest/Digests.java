package com.capitalledger.journal.digest;

import com.capitalledger.journal.keys.SigningKeys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signed digests of the journal: its size and root hash at an instant, signed with Ed25519 over the UTF-8 text
 * {@code treeSize|rootHash|issuedAt} (the root in lowercase hex, the instant in ISO-8601 UTC exactly as served).
 */
public final class Digests {

    public static final String ALGORITHM = "Ed25519";

    /** A digest as served and as written to the digest file. */
    public record Digest(long treeSize, String rootHash, String issuedAt, String algorithm, String keyId,
                         String signature) {

        public String signedText() {
            return Digests.signedText(treeSize, rootHash, issuedAt);
        }
    }

    private Digests() {
    }

    public static Digest issue(long treeSize, byte[] root, Instant at, SigningKeys keys) {
        String rootHash = HexFormat.of().formatHex(root);
        String issuedAt = at.truncatedTo(ChronoUnit.MILLIS).toString();
        byte[] signature = sign(signedText(treeSize, rootHash, issuedAt).getBytes(StandardCharsets.UTF_8),
                keys.privateKey());
        return new Digest(treeSize, rootHash, issuedAt, ALGORITHM, SigningKeys.keyId(keys.publicKey()),
                Base64.getEncoder().encodeToString(signature));
    }

    /** Whether the digest's signature is the key's signature of its text. */
    public static boolean verify(Digest digest, PublicKey key) {
        try {
            return ALGORITHM.equals(digest.algorithm()) && verify(digest.signedText().getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(digest.signature()), key);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    static String signedText(long treeSize, String rootHash, String issuedAt) {
        return treeSize + "|" + rootHash + "|" + issuedAt;
    }

    static byte[] sign(byte[] text, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(text);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the journal's key", e);
        }
    }

    static boolean verify(byte[] text, byte[] signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(text);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
