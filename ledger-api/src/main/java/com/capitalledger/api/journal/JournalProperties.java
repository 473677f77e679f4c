package com.capitalledger.api.journal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The verifiable journal's settings.
 *
 * @param signingKey         the Ed25519 key pair as PEM text (a PRIVATE KEY and a PUBLIC KEY block), for instance
 *                           from a secret in the environment; wins over {@code signingKeyFile}
 * @param signingKeyFile     a file holding that PEM, readable by its owner alone; on the embedded default, generated
 *                           there on first start (default: {@code journal-signing-key.pem} beside the data directory)
 * @param digestFile         where signed digests are appended, one JSON line each: outside the database, so that a
 *                           rewrite of the database cannot rewrite them (default: {@code journal-digests.ndjson}
 *                           beside the embedded data directory, else in the working directory)
 * @param digestEvery        a digest is written when the journal has grown and this much time has passed
 * @param digestEveryEntries ... or when it has grown by this many entries
 */
@ConfigurationProperties("ledger.journal")
public record JournalProperties(String signingKey, Path signingKeyFile, Path digestFile, Duration digestEvery,
                                Long digestEveryEntries) {

    public JournalProperties {
        if (digestEvery == null) {
            digestEvery = Duration.ofMinutes(1);
        }
        if (digestEveryEntries == null) {
            digestEveryEntries = 10_000L;
        }
        if (digestEvery.isNegative() || digestEvery.isZero() || digestEveryEntries < 1) {
            throw new IllegalArgumentException("ledger.journal.digest-every and digest-every-entries must be positive");
        }
    }
}
