package com.capitalledger.journal.keys;

import java.nio.file.Path;

/**
 * Outside the embedded default the journal's signing key must be configured, and it is not (or its file is missing):
 * the service does not start rather than sign digests with a key nobody kept.
 */
public class MissingSigningKey extends IllegalStateException {

    private final transient Path file;

    /** @param file the configured key file that does not exist, or null when no key is configured at all */
    public MissingSigningKey(Path file) {
        super(file == null ? "The journal has no signing key. Set ledger.journal.signing-key-file to a PEM file "
                + "holding an Ed25519 key pair, readable by its owner alone, or ledger.journal.signing-key to its text "
                + "(openssl genpkey -algorithm ed25519 -out key.pem; openssl pkey -in key.pem -pubout >> key.pem)"
                : "The journal's signing key file " + file + " does not exist");
        this.file = file;
    }

    /** The configured key file that does not exist, or null when no key is configured at all. */
    public Path file() {
        return file;
    }
}
