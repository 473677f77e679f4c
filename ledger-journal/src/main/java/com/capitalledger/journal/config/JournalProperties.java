package com.capitalledger.journal.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The verifiable journal's settings.
 *
 * @param signingKey         the Ed25519 key pair as PEM text (a PRIVATE KEY and a PUBLIC KEY block), for instance
 *                           from a secret in the environment; wins over {@code signingKeyFile}
 * @param signingKeyFile     a file holding that PEM, readable by its owner alone; on the embedded default, generated
 *                           there on first start (default: {@code journal-signing-key.pem} in {@code directory})
 * @param digestFile         where signed digests are appended, one JSON line each, each naming its ledger: outside
 *                           the database, so that a rewrite of the database cannot rewrite them (default:
 *                           {@code journal-digests.ndjson} in {@code directory}; without one,
 *                           {@code ~/.capital-ledger/journal/<ledger id>/digests.ndjson}; never the working directory)
 * @param directory          where the journal keeps its files when none is configured (default: on the embedded
 *                           default, beside its data directory; elsewhere none)
 * @param digestEvery        a digest is written when the journal has grown and this much time has passed
 * @param digestEveryEntries ... or when it has grown by this many entries
 */
@ConfigurationProperties("ledger.journal")
public record JournalProperties(String signingKey, Path signingKeyFile, Path digestFile, Path directory,
                                Duration digestEvery, Long digestEveryEntries) {

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
