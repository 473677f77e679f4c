package com.capitalledger.api.bench;

import com.capitalledger.api.LedgerApplication;
import com.capitalledger.journal.entry.EventSeals;
import com.capitalledger.journal.entry.JournalEntries;
import com.capitalledger.journal.entry.StoredEventRow;
import org.axonframework.messaging.MetaData;
import org.postgresql.PGStatement;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The service as the benchmarks run it: on a throw-away embedded PostgreSQL configured durably like the embedded
 * default, with one configured user, so every figure sits beside a raw PostgreSQL baseline of the same server.
 */
final class BenchLedger implements AutoCloseable {

    private final ConfigurableApplicationContext app;
    private final String authorization;

    private BenchLedger(ConfigurableApplicationContext app, String authorization) {
        this.app = app;
        this.authorization = authorization;
    }

    /** Starts the service with a user named bench holding {@code role}; extra arguments are Spring Boot's. */
    static BenchLedger start(String role, String... extra) {
        String password = UUID.randomUUID().toString();
        List<String> arguments = new ArrayList<>(List.of("--ledger.security.users[0].name=bench",
                "--ledger.security.users[0].roles=" + role,
                "--ledger.security.users[0].password={bcrypt}" + new BCryptPasswordEncoder().encode(password),
                "--spring.datasource.url=", "--ledger.embedded-postgres.ephemeral=true",
                "--ledger.embedded-postgres.durable=true", "--server.port=0",
                "--logging.structured.format.console=", "--logging.level.root=WARN"));
        arguments.addAll(Arrays.asList(extra));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class)
                .run(arguments.toArray(String[]::new));
        return new BenchLedger(app, "Basic " + Base64.getEncoder().encodeToString(("bench:" + password).getBytes(UTF_8)));
    }

    ConfigurableApplicationContext app() {
        return app;
    }

    /** The bench user's {@code Authorization} header: the figures include authentication, as a real client's would. */
    String authorization() {
        return authorization;
    }

    int port() {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** Inserts a generated history straight into the event table, in batches; returns how many programs it holds. */
    int insert(Consumer<Consumer<HistoryGenerator.Event>> history) throws Exception {
        Serializer serializer = app.getBean(Serializer.class);
        String insert = "INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                + "meta_data, payload, payload_revision, payload_type, time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        EventSeals seals = app.getBean(EventSeals.class);
        MetaData metadata = MetaData.from(Map.of("actor", "benchmark", "correlationId", "bench",
                "reason", "generated history"));
        byte[] unsealed = serializer.serialize(metadata, byte[].class).getData();
        int[] programs = {0};
        try (Connection connection = app.getBean(DataSource.class).getConnection();
             PreparedStatement statement = connection.prepareStatement(insert)) {
            connection.setAutoCommit(false);
            int[] pending = {0};
            history.accept(event -> {
                try {
                    SerializedObject<byte[]> payload = serializer.serialize(event.payload(), byte[].class);
                    String type = event.aggregateId().startsWith("base-rate:") ? "BaseRate" : "Program";
                    String id = UUID.randomUUID().toString();
                    String recordedAt = Instant.now().toString();
                    // Sealed as the service seals what it stores, so that the journal takes the history.
                    String seal = JournalEntries.sealFor(new StoredEventRow(-1, id, event.aggregateId(),
                            event.sequence(), type, payload.getType().getName(), payload.getType().getRevision(),
                            payload.getData(), unsealed, recordedAt), seals);
                    statement.setString(1, event.aggregateId());
                    statement.setLong(2, event.sequence());
                    statement.setString(3, type);
                    statement.setString(4, id);
                    statement.setBytes(5, serializer.serialize(metadata.and(JournalEntries.SEAL, seal), byte[].class)
                            .getData());
                    statement.setBytes(6, payload.getData());
                    statement.setString(7, payload.getType().getRevision());
                    statement.setString(8, payload.getType().getName());
                    statement.setString(9, recordedAt);
                    statement.addBatch();
                    if (event.sequence() == 0 && !event.aggregateId().startsWith("base-rate:")) {
                        programs[0]++;
                    }
                    if (++pending[0] % 5_000 == 0) {
                        statement.executeBatch();
                        connection.commit();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            statement.executeBatch();
            connection.commit();
        }
        return programs[0];
    }

    /** The raw read rate's numerator: every row of the event table, every column, in global-index order. */
    long rawRead() throws Exception {
        return rawRead(false);
    }

    /**
     * The same read; {@code binary} has the driver fetch rows in binary (a server-prepared statement), bytea as bytes
     * rather than hex text to decode, as the journal's verification does.
     */
    long rawRead(boolean binary) throws Exception {
        return rawRead(binary, "SELECT global_index, aggregate_identifier, sequence_number, type, event_identifier, "
                + "meta_data, payload, payload_revision, payload_type, time_stamp FROM domain_event_entry "
                + "ORDER BY global_index", 7);
    }

    /** A raw read of a query's rows, given its parameters: column 1 read as a number, column {@code bytes} as bytes. */
    long rawRead(boolean binary, String sql, int bytes, Object... parameters) throws Exception {
        long rows = 0;
        try (Connection connection = app.getBean(DataSource.class).getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.setFetchSize(1_000);
                if (binary) {
                    statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                }
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        result.getLong(1);
                        result.getBytes(bytes);
                        rows++;
                    }
                }
            }
            connection.commit();
        }
        return rows;
    }

    @Override
    public void close() {
        app.close();
    }
}
