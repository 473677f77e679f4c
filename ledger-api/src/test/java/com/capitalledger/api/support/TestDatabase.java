package com.capitalledger.api.support;

import com.capitalledger.journal.keys.SigningKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where integration tests keep their data: each Spring context gets a fresh database of its own. By default on one
 * throw-away embedded PostgreSQL that the test JVM starts once (starting a cluster per context cost seconds each);
 * with {@code LEDGER_TEST_DB_URL} set (and optionally {@code LEDGER_TEST_DB_USER} / {@code LEDGER_TEST_DB_PASSWORD}),
 * on that server instead, dropped when the tests end. Each context also gets its own journal signing key and digest
 * file, as a ledger on a configured database must. The service's own embedded default is started by the tests that
 * are about it ({@code EmbeddedPostgresStartupIT}, {@code EmbeddedDefaultRestartIT}, ...).
 */
public final class TestDatabase {

    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    private TestDatabase() {
    }

    public static void configure(DynamicPropertyRegistry registry) {
        String serverUrl = System.getenv("LEDGER_TEST_DB_URL");
        boolean shared = serverUrl == null || serverUrl.isBlank();
        String user = shared ? "postgres" : System.getenv("LEDGER_TEST_DB_USER");
        String password = shared ? null : System.getenv("LEDGER_TEST_DB_PASSWORD");
        String name = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        // The shared server goes with its temporary directory: nothing there to drop.
        String databaseUrl = shared ? createDatabase(SharedServer.SERVER.getJdbcUrl("postgres", "postgres"), name, user,
                null, false) : createDatabase(serverUrl, name, user, password, true);
        registry.add("spring.datasource.url", () -> databaseUrl);
        // Outside the embedded default the journal's key and digest file are configured; each ledger has its own.
        String signingKey = SigningKeys.generate().pem();
        registry.add("ledger.journal.signing-key", () -> signingKey);
        String digests = DigestFiles.create(name).toString();
        registry.add("ledger.journal.digest-file", () -> digests);
        if (user != null) {
            registry.add("spring.datasource.username", () -> user);
        }
        if (password != null) {
            registry.add("spring.datasource.password", () -> password);
        }
    }

    /** Where the test ledgers of this JVM keep their journal digests; removed once their contexts have closed. */
    private static final class DigestFiles {

        private static final Path DIRECTORY = directory();

        /** An empty digest file for the ledger, as the embedded default starts with. */
        static Path create(String ledger) {
            try {
                return Files.createFile(DIRECTORY.resolve(ledger + ".ndjson"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Path directory() {
            try {
                Path directory = Files.createTempDirectory("ledger-test-digests");
                SpringApplication.getShutdownHandlers().add(() -> FileSystemUtils.deleteRecursively(directory.toFile()));
                return directory;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The test JVM's embedded server, started on first use. */
    private static final class SharedServer {

        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                // Stopped after every context on it has closed: Spring Boot's shutdown hook closes its contexts first,
                // then runs these handlers. A hook of its own would stop it while the contexts were still closing.
                SpringApplication.getShutdownHandlers().add(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the tests' embedded PostgreSQL", e);
            }
        }
    }

    private static String createDatabase(String serverUrl, String name, String user, String password,
                                         boolean dropOnExit) {
        Matcher url = JDBC_URL.matcher(serverUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("LEDGER_TEST_DB_URL must look like jdbc:postgresql://host:port/database: " + serverUrl);
        }
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(serverUrl, credentials);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + serverUrl, e);
        }
        if (dropOnExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(serverUrl, credentials);
                     Statement statement = connection.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (SQLException ignored) {
                    // Best effort: a database left behind is named ledger_test_* and holds only test data.
                }
            }));
        }
        return url.group(1) + name + (url.group(3) == null ? "" : url.group(3));
    }
}
