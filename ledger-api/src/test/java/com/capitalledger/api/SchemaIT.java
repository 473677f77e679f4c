package com.capitalledger.api;

import com.capitalledger.api.support.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event store's shape comes from the migrations and holds what Axon and the brief need. */
class SchemaIT extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void globalIndexComesFromADedicatedSequenceWithIncrementOneAndNoCache() {
        List<Long> settings = jdbc.query("""
                SELECT increment_by, cache_size FROM pg_sequences WHERE sequencename = 'domain_event_global_index_seq'""",
                (rs, i) -> List.of(rs.getLong(1), rs.getLong(2))).get(0);
        assertThat(settings).containsExactly(1L, 1L);
        String columnDefault = jdbc.queryForObject("""
                SELECT column_default FROM information_schema.columns
                WHERE table_name = 'domain_event_entry' AND column_name = 'global_index'""", String.class);
        assertThat(columnDefault).isEqualTo("nextval('domain_event_global_index_seq'::regclass)");
    }

    @Test
    void payloadsAndMetadataAreByteaNeverLargeObjects() {
        List<String> types = jdbc.queryForList("""
                SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns
                WHERE column_name IN ('payload', 'meta_data', 'token', 'diagnostics')
                ORDER BY 1""", String.class);
        assertThat(types).containsExactly(
                "dead_letter_entry.diagnostics:bytea",
                "dead_letter_entry.meta_data:bytea",
                "dead_letter_entry.payload:bytea",
                "dead_letter_entry.token:bytea",
                "domain_event_entry.meta_data:bytea",
                "domain_event_entry.payload:bytea",
                "snapshot_event_entry.meta_data:bytea",
                "snapshot_event_entry.payload:bytea",
                "token_entry.token:bytea");
    }

    /** On a connection of its own, rolled back at the end: the test row never reaches a processor. */
    @Test
    void storedEventsCannotBeUpdatedDeletedOrTruncated() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("""
                        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            meta_data, payload, payload_type, time_stamp)
                        VALUES ('SCHEMA-TEST', 0, 'Test', 'schema-test-event', '\\x7b7d'::bytea, '\\x7b7d'::bytea, 'Test',
                            '2025-01-01T00:00:00Z')""");
                for (String change : List.of(
                        "UPDATE domain_event_entry SET payload_type = 'X' WHERE aggregate_identifier = 'SCHEMA-TEST'",
                        "DELETE FROM domain_event_entry WHERE aggregate_identifier = 'SCHEMA-TEST'",
                        "TRUNCATE domain_event_entry")) {
                    Savepoint savepoint = connection.setSavepoint();
                    assertThatThrownBy(() -> statement.execute(change)).as(change)
                            .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                    connection.rollback(savepoint);
                }
                try (ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'SCHEMA-TEST'")) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(1);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /**
     * Axon cannot read an event without metadata: such a row would stop every processor, so the store refuses it. On
     * a connection of its own, rolled back at the end.
     */
    @Test
    void anEventWithoutMetadataIsRefused() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate("""
                        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            payload, payload_type, time_stamp)
                        VALUES ('SCHEMA-TEST', 0, 'Test', 'schema-test-event', '\\x7b7d'::bytea, 'Test',
                            '2025-01-01T00:00:00Z')"""))
                        .isInstanceOf(SQLException.class).hasMessageContaining("null value in column \"meta_data\"");
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void eachReadModelAndTheJournalHaveTheirOwnProcessorWithItsTokensInTheTokenStore() {
        List<String> expected = List.of("programs", "investor-positions", "capital-calls", "tranches", "audit-trail",
                "cash-flows", "journal");
        List<String> processors = Awaitility.await("a token per processor").atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForList("SELECT DISTINCT processor_name FROM token_entry", String.class),
                        found -> found.containsAll(expected));
        assertThat(processors).containsExactlyInAnyOrderElementsOf(expected);
    }
}
