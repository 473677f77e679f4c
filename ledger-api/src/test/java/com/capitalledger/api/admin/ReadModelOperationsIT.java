package com.capitalledger.api.admin;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.api.support.ScriptedHistory;
import com.capitalledger.projections.readmodel.ReadModelRegistry;
import com.capitalledger.projections.readmodel.TableDerivation;
import com.capitalledger.projections.rebuild.BulkLoad;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rebuilding read models, checking them against the event store, and refusing queries while they rebuild. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelOperationsIT extends IntegrationTest {

    private static final String P = "OPS-IT";
    private static final List<String> TABLES = List.of("program_summary", "equity_movement", "call_movement",
            "debt_movement", "base_rate_fixing", "phase_movement", "audit_entry", "cash_flow_fact");

    @Autowired
    private CommandGateway commands;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private BulkLoad bulkLoad;

    @Autowired
    private ReadModelRegistry registry;

    @BeforeAll
    void scriptTheHistory() {
        ScriptedHistory history = new ScriptedHistory(commands, P, "TERM-SOFR-6M");
        history.runUntilBeforeCorrection();
        history.recordBackDatedFixing();
        history.operate();
        awaitReadModels();
    }

    private Map<String, List<Map<String, Object>>> dump() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1, 2"));
        }
        return tables;
    }

    /** Every index of the read models' tables, by name, with its definition. */
    private Map<String, String> indexes() {
        Map<String, String> indexes = new TreeMap<>();
        jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY (?)",
                rs -> {
                    indexes.put(rs.getString(1), rs.getString(2));
                }, (Object) TABLES.toArray(String[]::new));
        return indexes;
    }

    private JsonNode consistencyCheck() {
        HttpResponse<String> response = http(TestUsers.ADMIN).postJson("/api/v1/admin/consistency-check", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void aRebuildOfEveryReadModelYieldsIdenticalTablesAndNoInconsistency() {
        Map<String, List<Map<String, Object>>> before = dump();
        Map<String, String> indexesBefore = indexes();
        // The load drops the plain indexes and builds them again: among them the audit trail's program index.
        assertThat(indexesBefore).containsKeys("audit_entry_program_ix", "equity_movement_program_ix",
                "audit_entry_position_ux", "equity_movement_pk");
        // Section 10's terms, schedule, two cash-flow records and waterfall: the new table is not empty.
        assertThat(before.get("cash_flow_fact")).hasSize(5);

        HttpResponse<String> started = http(TestUsers.ADMIN).postJson("/api/v1/admin/read-models/all/rebuild", "");
        assertThat(started.statusCode()).isEqualTo(202);
        awaitReadModels();

        assertThat(dump()).isEqualTo(before);
        assertThat(indexes()).isEqualTo(indexesBefore);
        JsonNode status = json(http(TestUsers.ADMIN).get("/api/v1/admin/read-models/investor-positions"));
        assertThat(status.get("state").asText()).isEqualTo("LIVE");
        assertThat(status.get("eventsDone").asLong()).isEqualTo(status.get("head").asLong());
        assertThat(status.get("rebuildFinishedAt").isNull()).isFalse();
        JsonNode report = consistencyCheck();
        assertThat(report.get("differenceCount").asLong()).as(report.toString()).isZero();
        assertThat(report.get("eventsChecked").asLong()).isEqualTo(
                jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
    }

    /**
     * A load that fails part-way (here PostgreSQL refuses a duplicate key) rolls its table's transaction back: the
     * rows, and the indexes it had dropped, are as before. (A rebuild then replays through the processors.)
     */
    @Test
    void aBulkLoadThatFailsLeavesItsTableAndTheTablesIndexesAsTheyWere() {
        Map<String, List<Map<String, Object>>> before = dump();
        Map<String, String> indexesBefore = indexes();
        TableDerivation<?> equity = registry.all().stream().filter(t -> t.table().equals("equity_movement"))
                .findFirst().orElseThrow();
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);

        assertThatThrownBy(() -> bulkLoad.load(List.of(twice(equity)), head, new AtomicLong()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bulk load failed writing equity_movement")
                .rootCause().hasMessageContaining("equity_movement_pk");

        assertThat(dump()).isEqualTo(before);
        assertThat(indexes()).isEqualTo(indexesBefore);
    }

    /**
     * Three readers, each on a range of the journal, load the rows the processors wrote event by event, and report
     * the indexes missing within the gap window (rolled-back appends leave some) as one reader would.
     */
    @Test
    void aLoadInThreeRangesYieldsTheRowsTheProcessorsWroteAndTheGaps() {
        Map<String, List<Map<String, Object>>> before = dump();
        Map<String, String> indexesBefore = indexes();
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        List<Long> missing = jdbc.queryForList("SELECT g FROM generate_series(greatest(1, ? - ? + 1), ?) g "
                + "WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry WHERE global_index = g) ORDER BY g", Long.class,
                head, BulkLoad.GAP_WINDOW, head);

        BulkLoad.Result result = bulkLoad.load(registry.all(), head, new AtomicLong(), 3);

        assertThat(result.events()).isEqualTo(events);
        assertThat(result.gaps()).isEqualTo(missing);
        assertThat(dump()).isEqualTo(before);
        assertThat(indexes()).isEqualTo(indexesBefore);
    }

    /** The table's derivation, with each row mapped twice. */
    private static <F> TableDerivation<F> twice(TableDerivation<F> table) {
        return new TableDerivation<>(table.table(), event -> {
            List<F> rows = new ArrayList<>(table.rows().apply(event));
            rows.addAll(table.rows().apply(event));
            return rows;
        }, table.write(), table.key(), table.stored(), table.all());
    }

    /**
     * Commands and the rebuild run at the same time; how they interleave is up to the scheduler, so this shows the
     * outcome under a race, not one particular ordering.
     */
    @Test
    void eventsWrittenConcurrentlyWithARebuildAreHandledExactlyOnce() throws Exception {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            ScriptedHistory concurrent = new ScriptedHistory(commands, P + "-DURING", "TERM-SOFR-12M");
            concurrent.runUntilBeforeCorrection();
        });
        HttpResponse<String> started = http(TestUsers.ADMIN).postJson("/api/v1/admin/read-models/all/rebuild", "");
        writer.get();
        awaitReadModels();

        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode report = consistencyCheck();
        assertThat(report.get("differenceCount").asLong()).as(report.toString()).isZero();
        assertThat(http().get("/api/v1/programs/" + P + "-DURING/positions?asOf=2025-12-31").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theConsistencyCheckFindsAnAlteredAMissingAndAnExtraRow() {
        assertThat(consistencyCheck().get("differenceCount").asLong()).isZero();
        Long draw = jdbc.queryForObject("SELECT min(global_index) FROM debt_movement WHERE program_id = ? AND kind = 'DRAWN'",
                Long.class, P);
        jdbc.update("UPDATE equity_movement SET called = called + 0.01 WHERE program_id = ? AND kind = 'CALLED' "
                + "AND investor_id = 'B'", P);
        jdbc.update("DELETE FROM debt_movement WHERE global_index = ? AND line = 1", draw);
        jdbc.update("INSERT INTO phase_movement (global_index, program_id, kind, phase_id, amount, effective_date, "
                + "recorded_at) VALUES (999999999, ?, 'EQUITY_CALLED', 'PH1', 1.00, DATE '2025-01-01', now())", P);
        try {
            JsonNode report = consistencyCheck();

            assertThat(report.get("differenceCount").asLong()).isEqualTo(4);
            assertThat(report.get("differences")).extracting(d -> d.get("table").asText() + " " + d.get("kind").asText())
                    .containsExactlyInAnyOrder("equity_movement DIFFERENT", "equity_movement DIFFERENT",
                            "debt_movement MISSING", "phase_movement UNEXPECTED");
        } finally {
            http(TestUsers.ADMIN).postJson("/api/v1/admin/read-models/all/rebuild", "");
            awaitReadModels();
        }
        assertThat(consistencyCheck().get("differenceCount").asLong()).as("a rebuild repairs them").isZero();
    }

    @Test
    void whileARebuildIsUnderWayItsQueriesAnswer503WithRetryAfter() throws Exception {
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // Holds the rebuild inside its reset, between "started" and "caught up".
                lock.execute("LOCK TABLE equity_movement IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<HttpResponse<String>> rebuild = CompletableFuture.supplyAsync(() ->
                    http(TestUsers.ADMIN).postJson("/api/v1/admin/read-models/investor-positions/rebuild", ""));
            assertThat(http(TestUsers.ADMIN).await("/api/v1/admin/read-models/investor-positions",
                    r -> json(r).get("state").asText().equals("REBUILDING"), Duration.ofSeconds(10)).body())
                    .contains("REBUILDING");
            HttpResponse<String> during = http().get("/api/v1/programs/" + P + "/positions");

            assertThat(during.statusCode()).isEqualTo(503);
            assertThat(during.headers().firstValue("Retry-After")).isPresent();
            assertThat(json(during).get("code").asText()).isEqualTo("READ_MODEL_REBUILDING");
            assertThat(http().get("/api/v1/programs/" + P + "/tranches/T1").statusCode())
                    .as("other read models still answer").isEqualTo(200);
            blocker.rollback();
            assertThat(rebuild.get().statusCode()).isEqualTo(202);
        }
        awaitReadModels();
        assertThat(http().get("/api/v1/programs/" + P + "/positions").statusCode()).isEqualTo(200);
    }
}
