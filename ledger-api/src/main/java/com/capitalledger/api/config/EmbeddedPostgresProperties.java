package com.capitalledger.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL the service starts when no database is configured.
 *
 * @param dataDirectory where the cluster keeps its files; they survive restarts
 * @param port          the port it listens on (127.0.0.1 only); 0 picks a free one
 * @param database      the database the ledger uses inside it
 * @param ephemeral     a throw-away cluster in a temporary directory, removed on shutdown (tests)
 * @param durable       fsync and synchronous commit on; by default on unless ephemeral (benchmarks turn it on)
 */
@ConfigurationProperties("ledger.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, int port, String database, boolean ephemeral,
                                         Boolean durable) {

    public EmbeddedPostgresProperties {
        if (durable == null) {
            durable = !ephemeral;
        }
        if (dataDirectory == null) {
            dataDirectory = Path.of(System.getProperty("user.home"), ".capital-ledger", "postgres");
        }
        if (database == null || database.isBlank()) {
            database = "ledger";
        }
    }
}
