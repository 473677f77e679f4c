package com.capitalledger.api.idempotency;

import com.capitalledger.journal.entry.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies a request for its idempotency key: a SHA-256 of its method, path and body, the body in the canonical
 * form of what it means ({@link CanonicalJson#value}: another key order, other white space or an explicit null instead
 * of an absent member is the same request), or as its bytes when it is not JSON.
 * <p>
 * Keys stored before bodies were compared by meaning hold the hash of the body's bytes, and are never rewritten. So a
 * request matches a stored hash that is either of its two: its meaning's or its bytes'. Either match is sound. The two
 * hashes of different requests coincide only when one body's bytes are the other's canonical form, and then the two
 * mean the same. So a retry of an old key sent byte for byte as before still replays; one re-serialised is refused as
 * before.
 */
record RequestFingerprint(String meaning, String bytes) {

    static RequestFingerprint of(String method, String path, byte[] body) {
        byte[] request = (method + " " + path + "\n").getBytes(StandardCharsets.UTF_8);
        String bytes = sha256(request, body);
        byte[] canonical;
        try {
            canonical = CanonicalJson.value(body);
        } catch (IllegalArgumentException notJson) {
            // Empty, malformed or not JSON at all: compared as bytes (and refused as malformed, if it reaches a handler).
            return new RequestFingerprint(bytes, bytes);
        }
        return new RequestFingerprint(sha256(request, canonical), bytes);
    }

    /** Whether the request that stored this hash is this one. */
    boolean matches(String stored) {
        return meaning.equals(stored) || bytes.equals(stored);
    }

    private static String sha256(byte[] request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(request);
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
