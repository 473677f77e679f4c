package com.capitalledger.journal.entry;


import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals on the events this ledger writes: an HMAC-SHA256, under a key that never enters the database, of the event's
 * journal entry without the seal. The journal takes only sealed events (and those recorded before sealing began), so a
 * row inserted behind the service's back, even one that looks like the next event of a program, is refused and
 * reported, never journaled.
 */
public final class EventSeals {

    private static final String ALGORITHM = "HmacSHA256";
    /** One initialised Mac per thread: looking one up and keying it costs more than sealing an event. */
    private final ThreadLocal<Mac> mac;

    public EventSeals(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a seal key has at least 256 bits");
        }
        SecretKeySpec spec = new SecretKeySpec(key.clone(), ALGORITHM);
        this.mac = ThreadLocal.withInitial(() -> mac(spec));
    }

    /**
     * The seal key derived from the journal's signing key (its PKCS#8 encoding), so that operators keep one secret:
     * HMAC-SHA256(signing key, "capital-ledger event seal v1").
     */
    public static EventSeals derivedFrom(byte[] signingKey) {
        return new EventSeals(mac(new SecretKeySpec(signingKey, ALGORITHM))
                .doFinal("capital-ledger event seal v1".getBytes(StandardCharsets.UTF_8)));
    }

    /** The seal for an entry whose canonical bytes, without the seal, are these parts joined (lowercase hex). */
    public String seal(byte[]... entryWithoutSeal) {
        return HexFormat.of().formatHex(mac(entryWithoutSeal));
    }

    /** Whether a seal is the one for an entry whose canonical bytes, without the seal, are these parts joined. */
    public boolean isSeal(String seal, byte[]... entryWithoutSeal) {
        if (seal == null || seal.length() != 64) {
            return false;
        }
        byte[] expected = mac(entryWithoutSeal);
        try {
            return MessageDigest.isEqual(HexFormat.of().parseHex(seal), expected);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    private byte[] mac(byte[]... parts) {
        Mac keyed = mac.get();
        for (byte[] part : parts) {
            keyed.update(part);
        }
        return keyed.doFinal();
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
        }
    }
}
