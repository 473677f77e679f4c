package com.capitalledger.journal.config;

import com.capitalledger.journal.keys.MissingSigningKey;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up without the journal's signing key into one paragraph saying what is missing and how to provide it,
 * instead of a stack trace (registered in META-INF/spring.factories).
 */
public class MissingSigningKeyAnalyzer extends AbstractFailureAnalyzer<MissingSigningKey> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSigningKey cause) {
        String missing = cause.file() == null
                ? "The journal has no signing key: outside the embedded default (a database of your own, "
                        + "spring.datasource.url or LEDGER_DB_URL) the service signs the journal's digests only with a "
                        + "key you keep, and none is configured."
                : "The journal's signing key file " + cause.file() + " (ledger.journal.signing-key-file) does not "
                        + "exist.";
        String action = "Provide an Ed25519 key pair as PEM (a PRIVATE KEY and a PUBLIC KEY block: openssl genpkey "
                + "-algorithm ed25519 -out key.pem; openssl pkey -in key.pem -pubout >> key.pem), either as text in "
                + "ledger.journal.signing-key (environment variable LEDGER_JOURNAL_SIGNING_KEY) or as a file readable "
                + "by its owner alone (chmod 600) named by ledger.journal.signing-key-file (environment variable "
                + "LEDGER_JOURNAL_SIGNING_KEY_FILE).";
        return new FailureAnalysis(missing, action, cause);
    }
}
