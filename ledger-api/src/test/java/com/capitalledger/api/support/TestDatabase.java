package com.capitalledger.api.support;

import com.capitalledger.journal.keys.SigningKeys;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where integration tests keep their data. By default each Spring context runs its own throw-away embedded
 * PostgreSQL (the service's embedded default, in a temporary directory). With {@code LEDGER_TEST_DB_URL} set
 * (and optionally {@code LEDGER_TEST_DB_USER} / {@code LEDGER_TEST_DB_PASSWORD}), each context gets a fresh
 * database on that server instead, dropped when the tests end.
 */
public final class TestDatabase {

    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    private TestDatabase() {
    }

    public static void configure(DynamicPropertyRegistry registry) {
        String serverUrl = System.getenv("LEDGER_TEST_DB_URL");
        if (serverUrl == null || serverUrl.isBlank()) {
            registry.add("ledger.embedded-postgres.ephemeral", () -> "true");
            return;
        }
        String user = System.getenv("LEDGER_TEST_DB_USER");
        String password = System.getenv("LEDGER_TEST_DB_PASSWORD");
        String databaseUrl = createDatabase(serverUrl, user, password);
        registry.add("spring.datasource.url", () -> databaseUrl);
        // Outside the embedded default the journal's key is configured; a test database gets a throw-away one.
        String signingKey = SigningKeys.generate().pem();
        registry.add("ledger.journal.signing-key", () -> signingKey);
        if (user != null) {
            registry.add("spring.datasource.username", () -> user);
        }
        if (password != null) {
            registry.add("spring.datasource.password", () -> password);
        }
    }

    private static String createDatabase(String serverUrl, String user, String password) {
        Matcher url = JDBC_URL.matcher(serverUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("LEDGER_TEST_DB_URL must look like jdbc:postgresql://host:port/database: " + serverUrl);
        }
        String name = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(serverUrl, credentials);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // Best effort: a database left behind is named ledger_test_* and holds only test data.
            }
        }));
        return url.group(1) + name + (url.group(3) == null ? "" : url.group(3));
    }
}
