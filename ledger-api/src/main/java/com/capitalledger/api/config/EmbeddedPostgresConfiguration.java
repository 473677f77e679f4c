package com.capitalledger.api.config;

import com.capitalledger.journal.config.EmbeddedJournal;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The embedded default: with no {@code spring.datasource.url} (nor {@code LEDGER_DB_URL}), the service runs a
 * real PostgreSQL 17 from binaries shipped on Maven Central, so that one command starts a working ledger.
 * The data source depends on the server bean, so on shutdown the pool closes first, then the server stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatabaseConfigured.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException, SQLException {
        if (!DATABASE_NAME.matcher(properties.database()).matches()) {
            throw new Misconfiguration("ledger.embedded-postgres.database must match " + DATABASE_NAME + ": "
                    + properties.database() + ".", "Set " + Misconfiguration.property("ledger.embedded-postgres.database")
                    + " to a PostgreSQL name in lower case, such as ledger.");
        }
        // Stopped by this bean's destroy method, after everything that uses it. Its own JVM shutdown hook would run
        // in parallel with Spring's and stop the server while the processors were still releasing their claims.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(properties.port())
                .setRegisterShutdownHook(false);
        if (!properties.ephemeral()) {
            Files.createDirectories(properties.dataDirectory());
            builder.setDataDirectory(properties.dataDirectory()).setCleanDataDirectory(false);
        }
        if (properties.durable()) {
            // The embedded server's defaults are made for throw-away test databases: no fsync, asynchronous commit.
            // A ledger acknowledges a command only once it is on disk, so the persistent default turns both back on.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        try {
            createDatabaseIfMissing(postgres, properties.database());
        } catch (SQLException | RuntimeException e) {
            // Not a bean yet: nothing else would stop the server.
            postgres.close();
            throw e;
        }
        log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(),
                properties.ephemeral() ? "a temporary directory" : properties.dataDirectory());
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.database()));
        dataSource.setUsername("postgres");
        return dataSource;
    }

    /** The journal keeps its generated key and its digests beside the data (or throws them away with it). */
    @Bean
    EmbeddedJournal embeddedJournal(EmbeddedPostgresProperties properties) {
        return properties.ephemeral() ? EmbeddedJournal.throwAway()
                : new EmbeddedJournal(properties.dataDirectory().toAbsolutePath().getParent());
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // CREATE DATABASE takes no bind parameter; the name was checked against DATABASE_NAME before the start.
                create.execute("CREATE DATABASE " + database);
            }
        }
    }

    /** True when neither {@code spring.datasource.url} nor {@code LEDGER_DB_URL} names a server. */
    static class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
