package com.capitalledger.journal.keys;

import com.capitalledger.journal.files.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the journal's signing key comes from: the configured PEM text, else the configured file, else (on the embedded
 * default) a key pair generated on first start and kept beside the data, in a file only its owner can read. A
 * throw-away embedded database (tests) gets a throw-away key. Anywhere else the key must be configured: the service
 * refuses to start without one rather than sign with a key nobody kept.
 */
public final class JournalKeys {

    private static final Logger log = LoggerFactory.getLogger(JournalKeys.class);
    private static final long MAX_SIZE = 4096;

    private JournalKeys() {
    }

    /**
     * The key pair.
     *
     * @param pem      the configured PEM text, if any: it wins
     * @param file     the configured key file, else on the embedded default the file it keeps its key in; null on a
     *                 throw-away embedded database, or when nothing is configured elsewhere
     * @param embedded whether this is the embedded default, which may generate its key
     * @throws MissingSigningKey outside the embedded default, when no key is configured or its file does not exist
     */
    public static SigningKeys load(String pem, Path file, boolean embedded) {
        if (pem != null && !pem.isBlank()) {
            return SigningKeys.fromPem(pem);
        }
        if (file == null) {
            if (embedded) {
                return SigningKeys.generate();
            }
            throw new MissingSigningKey(null);
        }
        try {
            if (Files.exists(file)) {
                if (!PrivateFiles.isPrivate(file, MAX_SIZE)) {
                    throw new IllegalStateException("The journal's signing key " + file + " is not a small regular "
                            + "file readable by its owner alone; restrict it (chmod 600) or replace it");
                }
                return SigningKeys.fromPem(Files.readString(file, StandardCharsets.UTF_8));
            }
            if (!embedded) {
                throw new MissingSigningKey(file);
            }
            SigningKeys keys = SigningKeys.generate();
            PrivateFiles.write(file, keys.pem());
            log.warn("Journal signing key generated in {} (Ed25519, key id {}); keep it: digests signed with it can "
                    + "only be verified with its public key", file, SigningKeys.keyId(keys.publicKey()));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or keep the journal's signing key in " + file, e);
        }
    }
}
