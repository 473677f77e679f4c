package com.capitalledger.api.journal;

import com.capitalledger.api.config.EmbeddedPostgresProperties;
import com.capitalledger.api.files.PrivateFiles;
import com.capitalledger.projections.journal.SigningKeys;
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
final class JournalKeys {

    private static final Logger log = LoggerFactory.getLogger(JournalKeys.class);
    private static final long MAX_SIZE = 4096;

    private JournalKeys() {
    }

    static SigningKeys load(JournalProperties properties, EmbeddedPostgresProperties embedded) {
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            return SigningKeys.fromPem(properties.signingKey());
        }
        Path file = properties.signingKeyFile();
        if (file == null && embedded != null && !embedded.ephemeral()) {
            file = embedded.dataDirectory().toAbsolutePath().resolveSibling("journal-signing-key.pem");
        }
        if (file == null) {
            if (embedded != null) {
                return SigningKeys.generate();
            }
            throw new IllegalStateException("The journal has no signing key. Set ledger.journal.signing-key-file to a "
                    + "PEM file holding an Ed25519 key pair, readable by its owner alone, or ledger.journal.signing-key "
                    + "to its text (openssl genpkey -algorithm ed25519 -out key.pem; "
                    + "openssl pkey -in key.pem -pubout >> key.pem)");
        }
        try {
            if (Files.exists(file)) {
                if (!PrivateFiles.isPrivate(file, MAX_SIZE)) {
                    throw new IllegalStateException("The journal's signing key " + file + " is not a small regular "
                            + "file readable by its owner alone; restrict it (chmod 600) or replace it");
                }
                return SigningKeys.fromPem(Files.readString(file, StandardCharsets.UTF_8));
            }
            if (embedded == null) {
                throw new IllegalStateException("The journal's signing key file " + file + " does not exist");
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
