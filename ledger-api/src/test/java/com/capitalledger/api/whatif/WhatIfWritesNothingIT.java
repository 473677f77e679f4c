package com.capitalledger.api.whatif;

import com.capitalledger.api.demo.StargateDemo;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A what-if writes nothing: a burst of them, answered or refused, leaves every table of the ledger (event store,
 * snapshots, read models, audit trail, idempotency keys, saved scenarios) exactly as it was, row for row. Hostile
 * bodies get a 4xx problem with a stable code.
 */
@TestPropertySource(properties = "ledger.test.context=what-if-writes-nothing")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class WhatIfWritesNothingIT extends IntegrationTest {

    private static final String WHAT_IF = "/api/v1/programs/STARGATE/what-if";
    /**
     * Rewritten as the service runs, whatever the requests: the processors' claims and positions, and each node's
     * heartbeat (the claim balancer's timer), not the ledger.
     */
    private static final List<String> NOT_LEDGER = List.of("token_entry", "ledger_node", "flyway_schema_history");

    private String scenarioId;
    private String call2;
    private String creation;

    @BeforeAll
    void loadTheDemoAndSaveAScenario(@org.springframework.beans.factory.annotation.Autowired StargateDemo demo) {
        demo.load(URI.create("http://localhost:" + port), TestUsers.TREASURY.basic());
        HttpResponse<String> saved = http(TestUsers.ANALYST).postJson("/api/v1/scenarios", "{\"name\": \"shock\", "
                + "\"programId\": \"STARGATE\", \"request\": " + WhatIfController.SOFR_SHOCK + "}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        scenarioId = json(saved).get("scenarioId").asText();
        JsonNode events = json(http(TestUsers.ANALYST).get("/api/v1/programs/STARGATE/events"));
        for (JsonNode event : events.get("events")) {
            if (event.get("type").asText().equals("ProgramCreated")) {
                creation = event.get("eventId").asText();
            }
            if (event.get("type").asText().equals("CapitalCalled")
                    && event.get("event").get("callId").get("value").asText().equals("CALL-2")) {
                call2 = event.get("eventId").asText();
            }
        }
        awaitReadModels();
    }

    /** Each table of the ledger: its row count and a hash of every row. */
    private Map<String, String> fingerprint() {
        Map<String, String> tables = new TreeMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", String.class)) {
            if (!NOT_LEDGER.contains(table)) {
                tables.put(table, jdbc.queryForObject("SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, '|' "
                        + "ORDER BY t::text), '')) FROM " + table + " t", String.class));
            }
        }
        return tables;
    }

    private HttpResponse<String> ask(String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
        all.addAll(List.of(headers));
        return http(TestUsers.ANALYST).postRaw(WHAT_IF, body, all.toArray(String[]::new));
    }

    @Test
    void aBurstOfWhatIfsAndHostileBodiesLeavesEveryTableAsItWas() {
        Map<String, String> before = fingerprint();
        assertThat(before).containsKeys("domain_event_entry", "snapshot_event_entry", "idempotency_key",
                "audit_entry", "what_if_scenario", "equity_movement", "debt_movement", "base_rate_fixing",
                "cash_flow_fact");

        List<String> answered = List.of(
                "{}",
                WhatIfController.SOFR_SHOCK,
                WhatIfController.COVENANT_BREACH,
                "{\"changes\": [{\"op\": \"remove\", \"eventId\": \"" + call2 + "\"}]}",
                "{\"changes\": [{\"op\": \"replace\", \"eventId\": \"" + call2 + "\", \"command\": {\"type\": "
                        + "\"capital-call\", \"callId\": \"CALL-2\", \"phaseId\": \"PHASE-1\", \"amount\": "
                        + "\"1000000000.00\", \"currency\": \"USD\", \"purpose\": \"less\", \"effectiveDate\": "
                        + "\"2025-04-01\"}}]}",
                "{\"schedule\": {\"from\": \"2025-01-31\", \"to\": \"2026-12-31\", \"every\": \"P1M\"}, \"changes\": "
                        + "[{\"op\": \"add\", \"command\": {\"type\": \"base-rate-fixing\", \"baseRate\": \"SOFR\", "
                        + "\"ratePct\": \"9.00000\", \"effectiveDate\": \"2025-06-01\"}}]}");
        for (int round = 0; round < 3; round++) {
            for (String body : answered) {
                HttpResponse<String> response = ask(body, "Idempotency-Key", "what-if-" + round);
                assertThat(response.statusCode()).as(body + " " + response.body()).isEqualTo(200);
            }
            assertThat(ask(WhatIfController.SOFR_SHOCK, "Accept", "text/csv").statusCode()).isEqualTo(200);
            assertThat(http(TestUsers.ANALYST).postRaw("/api/v1/scenarios/" + scenarioId + "/run", "")
                    .statusCode()).isEqualTo(200);
        }
        List<String> mismatches = new ArrayList<>();
        hostileBodies().forEach((body, expected) -> {
            HttpResponse<String> response = body.equals("text/plain")
                    ? http(TestUsers.ANALYST).postRaw(WHAT_IF, "{}", "Content-Type", "text/plain")
                    : ask(body);
            String got = response.statusCode() + " " + json(response).path("code").asText();
            if (!got.equals(expected) || !response.headers().firstValue("Content-Type").orElse("")
                    .startsWith("application/problem+json")) {
                mismatches.add(abbreviated(body) + ": expected " + expected + ", got " + got + " "
                        + abbreviated(response.body()));
            }
        });
        assertThat(mismatches).isEmpty();
        assertThat(anonymous().postRaw(WHAT_IF, "{}", "Content-Type", "application/json").statusCode()).isEqualTo(401);
        assertThat(http(TestUsers.ANALYST).postRaw("/api/v1/programs/NO-SUCH/what-if", "{}",
                "Content-Type", "application/json").statusCode()).isEqualTo(404);
        assertThat(http(TestUsers.ANALYST).postRaw("/api/v1/programs/bad%20id/what-if", "{}",
                "Content-Type", "application/json").statusCode()).isEqualTo(400);

        assertThat(fingerprint()).isEqualTo(before);
    }

    private static String abbreviated(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }

    /** Each hostile body and the status and code it must get. */
    private Map<String, String> hostileBodies() {
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("{\"changes\": [{\"op\": \"frobnicate\"}]}", "400 VALIDATION_FAILED");
        bodies.put("{\"changes\": [{\"op\": \"add\", \"command\": {\"type\": \"teleport\"}}]}", "400 VALIDATION_FAILED");
        bodies.put("{\"changes\": [{\"op\": \"add\", \"command\": \"draw\"}]}", "400 VALIDATION_FAILED");
        bodies.put("{\"changes\": [{\"op\": \"add\", \"command\": {\"type\": \"draw\", \"trancheId\": \"SENIOR-A\", "
                + "\"drawId\": \"D-X\", \"amount\": \"1.00\", \"currency\": \"USD\", \"effectiveDate\": "
                + "\"2026-01-01\", \"price\": \"1\"}}]}", "400 VALIDATION_FAILED");
        bodies.put("{\"changes\": [{\"op\": \"add\", \"eventId\": \"" + call2 + "\", \"command\": {\"type\": "
                + "\"reprice\", \"trancheId\": \"SENIOR-A\", \"newMarginPct\": \"1.0000\", \"effectiveDate\": "
                + "\"2026-01-01\"}}]}", "400 VALIDATION_FAILED");
        bodies.put("{\"changes\": [{\"op\": \"remove\", \"eventId\": \"'; DROP TABLE domain_event_entry; --\"}]}",
                "400 VALIDATION_FAILED");
        bodies.put("{\"changes\": [{\"op\": \"remove\", \"eventId\": \"00000000-0000-0000-0000-000000000000\"}]}",
                "422 INVALID_CHANGE");
        bodies.put("{\"changes\": [{\"op\": \"remove\", \"eventId\": \"" + call2 + "\"}, {\"op\": \"remove\", "
                + "\"eventId\": \"" + call2 + "\"}]}", "422 INVALID_CHANGE");
        bodies.put("{\"changes\": [{\"op\": \"remove\", \"eventId\": \"" + creation + "\"}]}", "422 INVALID_CHANGE");
        bodies.put("{\"changes\": [" + String.join(", ", java.util.Collections.nCopies(10_000,
                "{\"op\": \"shiftRate\", \"baseRate\": \"SOFR\", \"from\": \"2026-01-01\", \"bps\": 1}")) + "]}",
                "400 VALIDATION_FAILED");
        bodies.put("{\"changes\": [{\"op\": \"shiftRate\", \"baseRate\": \"SOFR\", \"from\": \"2026-01-01\", "
                + "\"bps\": 20000}]}", "400 VALIDATION_FAILED");
        bodies.put("{\"changes\": [{\"op\": \"shiftRate\", \"baseRate\": \"LIBOR\", \"from\": \"2026-01-01\", "
                + "\"bps\": 10}]}", "400 VALIDATION_FAILED");
        bodies.put("{\"asOf\": [\"9999-12-31\"]}", "400 VALIDATION_FAILED");
        bodies.put("{\"asOf\": [\"+999999999-12-31\"]}", "400 VALIDATION_FAILED");
        bodies.put("{\"asOf\": [\"1066-10-14\"]}", "400 VALIDATION_FAILED");
        bodies.put("{\"asOf\": [\"2025-13-45\"]}", "400 MALFORMED_REQUEST");
        bodies.put("{\"asOf\": [\"2025-12-31\"], \"schedule\": {\"from\": \"2025-01-31\", \"to\": \"2025-12-31\", "
                + "\"every\": \"P1M\"}}", "400 VALIDATION_FAILED");
        bodies.put("{\"schedule\": {\"from\": \"2025-01-01\", \"to\": \"2026-12-31\", \"every\": \"P1D\"}}",
                "400 VALIDATION_FAILED");
        bodies.put("{\"schedule\": {\"from\": \"2025-01-01\", \"to\": \"2026-12-31\", \"every\": \"P0D\"}}",
                "400 VALIDATION_FAILED");
        bodies.put("{\"schedule\": {\"from\": \"2025-01-01\", \"to\": \"2026-12-31\", \"every\": \"monthly\"}}",
                "400 VALIDATION_FAILED");
        bodies.put("{\"knownAt\": \"yesterday\"}", "400 MALFORMED_REQUEST");
        bodies.put("{\"changes\": 7}", "400 MALFORMED_REQUEST");
        bodies.put("not json at all", "400 MALFORMED_REQUEST");
        bodies.put("{\"padding\": \"" + "x".repeat(1 << 20) + "\"}", "413 PAYLOAD_TOO_LARGE");
        bodies.put("text/plain", "415 UNSUPPORTED_MEDIA_TYPE");
        return bodies;
    }
}
