package com.capitalledger.journal.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The journal's Ed25519 key pair and its PEM form: a {@code PRIVATE KEY} block (PKCS#8) followed by a
 * {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo), as {@code openssl genpkey -algorithm ed25519} and
 * {@code openssl pkey -pubout} write them. The JDK cannot derive an Ed25519 public key from its private key, so the
 * file carries both.
 */
public record SigningKeys(PrivateKey privateKey, PublicKey publicKey) {

    public static final String ALGORITHM = "Ed25519";

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    public static SigningKeys generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new SigningKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 platform has Ed25519", e);
        }
    }

    /** @throws IllegalArgumentException unless the text holds an Ed25519 private key and its public key */
    public static SigningKeys fromPem(String pem) {
        byte[] privateDer = block(pem, "PRIVATE KEY");
        byte[] publicDer = block(pem, "PUBLIC KEY");
        if (privateDer == null || publicDer == null) {
            throw new IllegalArgumentException("the signing key must hold a PRIVATE KEY and a PUBLIC KEY block "
                    + "(openssl genpkey -algorithm ed25519 -out key.pem; openssl pkey -in key.pem -pubout >> key.pem)");
        }
        try {
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            SigningKeys pair = new SigningKeys(keys.generatePrivate(new PKCS8EncodedKeySpec(privateDer)),
                    keys.generatePublic(new X509EncodedKeySpec(publicDer)));
            pair.requireMatching();
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the signing key is not an Ed25519 key pair: " + e.getMessage(), e);
        }
    }

    public static PublicKey publicKeyFromPem(String pem) {
        byte[] der = block(pem, "PUBLIC KEY");
        if (der == null) {
            throw new IllegalArgumentException("no PUBLIC KEY block");
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public String pem() {
        return block("PRIVATE KEY", privateKey.getEncoded()) + publicKeyPem(publicKey);
    }

    public static String publicKeyPem(PublicKey key) {
        return block("PUBLIC KEY", key.getEncoded());
    }

    /** The key's id: the first 16 hex digits of the SHA-256 of its SubjectPublicKeyInfo. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A pair whose halves do not belong together would sign digests nobody can verify. */
    private void requireMatching() throws GeneralSecurityException {
        byte[] probe = "capital-ledger key check".getBytes(StandardCharsets.UTF_8);
        if (!verify(probe, sign(probe, privateKey), publicKey)) {
            throw new IllegalArgumentException("the PUBLIC KEY block is not the public key of the PRIVATE KEY block");
        }
    }

    /** The Ed25519 signature of the text. */
    public static byte[] sign(byte[] text, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(text);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the journal's key", e);
        }
    }

    /** Whether the signature is the key's Ed25519 signature of the text. */
    public static boolean verify(byte[] text, byte[] signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(text);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] block(String pem, String label) {
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            if (block.group(1).equals(label)) {
                return Base64.getMimeDecoder().decode(block.group(2));
            }
        }
        return null;
    }

    private static String block(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
