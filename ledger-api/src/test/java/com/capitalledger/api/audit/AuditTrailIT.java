package com.capitalledger.api.audit;

import com.capitalledger.api.command.Rejections;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.ScriptedHistory;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail over HTTP: one line per accepted event and per rejected command, with metadata, filters, CSV. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT extends IntegrationTest {

    private static final String P = "AUDIT-IT";

    @Autowired
    private CommandGateway commands;

    @Autowired
    private Rejections rejections;

    private ScriptedHistory history;

    @BeforeAll
    void scriptTheHistory() {
        history = new ScriptedHistory(commands, rejections, P, "TERM-SOFR-3M");
        history.runUntilBeforeCorrection();
        history.recordBackDatedFixing();
        assertThatThrownBy(() -> history.send(new ReduceCommitment(new ProgramId(P), new InvestorId("A"),
                new BigDecimal("48599999.99").add(new BigDecimal("0.01")), "USD", LocalDate.of(2025, 12, 1))))
                .isInstanceOf(LedgerRejection.class);
        assertThatThrownBy(() -> history.send(new CallCapital(new ProgramId(P), new CallId("C1"), new PhaseId("PH1"),
                new BigDecimal("1.00"), "USD", "again", LocalDate.of(2025, 12, 1))))
                .isInstanceOf(LedgerRejection.class);
        awaitReadModels();
    }

    private JsonNode page(String query) {
        HttpResponse<String> response = http(TestUsers.COMPLIANCE).get("/api/v1/audit/entries?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private List<JsonNode> all(String query) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = page(query + "&limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("entries").forEach(entries::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return entries;
    }

    @Test
    void everyAcceptedEventAndEveryRejectedCommandHasExactlyOneLine() {
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, P);
        List<JsonNode> accepted = all("programId=" + P + "&outcome=ACCEPTED");
        List<JsonNode> rejected = all("programId=" + P + "&outcome=REJECTED");

        // 14 program events (the fixings live in the rate's own stream) and the two refused commands.
        assertThat(events).isEqualTo(14);
        assertThat(accepted).hasSize(14);
        assertThat(accepted).extracting(e -> e.get("position").asLong()).doesNotHaveDuplicates();
        assertThat(rejected).extracting(e -> e.get("type").asText() + " " + e.get("code").asText())
                .containsExactly("ReduceCommitment INSUFFICIENT_UNFUNDED", "CallCapital DUPLICATE_ID");
        assertThat(rejected.get(0).get("position").asLong()).as("the position of the event recording the refusal")
                .isEqualTo(jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                        Long.class, rejected.get(0).get("entryId").asText()));
        assertThat(rejected.get(0).get("detail").asText()).isEqualTo(
                "reducing A by 48,600,000.00 USD exceeds its unfunded commitment 48,599,999.99 USD");
        assertThat(rejected.get(0).get("amount").asText()).isEqualTo("48600000.00");
        long totalRejected = jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE outcome = 'REJECTED' "
                + "AND program_id = ?", Long.class, P);
        assertThat(totalRejected).isEqualTo(2);
    }

    @Test
    void eachLineCarriesTheMetadataOfTheRequestThatCausedIt() {
        JsonNode draw = all("programId=" + P + "&type=TrancheDrawn").get(0);

        assertThat(draw.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(draw.get("actor").asText()).isEqualTo(ScriptedHistory.ACTOR);
        assertThat(draw.get("client").asText()).isEqualTo("scripted-history");
        assertThat(draw.get("reason").asText()).isEqualTo("step 9");
        assertThat(draw.get("correlationId").asText()).isEqualTo(P + "-9");
        assertThat(draw.get("causationId").asText()).isNotBlank();
        assertThat(draw.get("entryId").asText()).as("an accepted line is keyed by its event's id").isEqualTo(
                jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE global_index = ?",
                        String.class, draw.get("position").asLong()));
        assertThat(draw.get("trancheId").asText()).isEqualTo("T1");
        assertThat(draw.get("referenceId").asText()).isEqualTo("D1");
        assertThat(draw.get("amount").asText()).isEqualTo("9000000.00");
        assertThat(draw.get("effectiveDate").asText()).isEqualTo("2025-03-01");
        assertThat(draw.get("recordedAt").asText()).endsWith("Z");
        String causation = jdbc.queryForObject("SELECT causation_id FROM audit_entry WHERE entry_id = ?", String.class,
                draw.get("entryId").asText());
        assertThat(causation).isEqualTo(draw.get("causationId").asText());
    }

    @Test
    void filtersNarrowTheTrail() {
        assertThat(all("programId=" + P + "&investorId=C")).extracting(e -> e.get("type").asText())
                .containsExactly("EquityCommitted", "CallDefaultRecorded", "CallDefaultCured");
        assertThat(all("programId=" + P + "&trancheId=T1")).extracting(e -> e.get("type").asText())
                .containsExactly("TrancheCreated", "TrancheDrawn", "TrancheRepaid", "TrancheRepriced", "TrancheDrawn");
        assertThat(all("actor=" + ScriptedHistory.ACTOR + "&programId=" + P)).hasSize(16);
        assertThat(all("actor=someone-else&programId=" + P)).isEmpty();
        List<JsonNode> trail = all("programId=" + P);
        String from = trail.get(2).get("recordedAt").asText();
        // Lines recorded in the same millisecond share a timestamp: `from` is inclusive, `to` exclusive.
        long atOrAfter = trail.stream().filter(e -> Instant.parse(e.get("recordedAt").asText())
                .compareTo(Instant.parse(from)) >= 0).count();
        assertThat(atOrAfter).isBetween(14L, 16L);
        assertThat(all("programId=" + P + "&from=" + from)).hasSize((int) atOrAfter)
                .containsExactlyElementsOf(trail.subList(trail.size() - (int) atOrAfter, trail.size()));
        assertThat(all("programId=" + P + "&to=" + from))
                .containsExactlyElementsOf(trail.subList(0, trail.size() - (int) atOrAfter));
    }

    @Test
    void theTrailExportsAsCsv() {
        HttpResponse<String> csv = http(TestUsers.COMPLIANCE).get("/api/v1/audit/entries?programId=" + P + "&investorId=C&limit=2",
                "Accept", "text/csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("X-Next-Cursor")).isPresent();
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(AuditCsv.HEADER);
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",ACCEPTED,,EquityCommitted," + P + ",C,").contains(",10000000.00,2025-01-01,");
        assertThat(lines[2]).contains("CallDefaultRecorded");
    }

    @Test
    void badQueryParametersAreProblems() {
        assertThat(http(TestUsers.COMPLIANCE).get("/api/v1/audit/entries?limit=0").statusCode()).isEqualTo(400);
        assertThat(json(http(TestUsers.COMPLIANCE).get("/api/v1/audit/entries?cursor=not-a-cursor")).get("code").asText())
                .isEqualTo("INVALID_PARAMETER");
        JsonNode unknownOutcome = json(http(TestUsers.COMPLIANCE).get("/api/v1/audit/entries?outcome=MAYBE"));
        assertThat(unknownOutcome.get("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(unknownOutcome.get("errors").get(0).get("field").asText()).isEqualTo("outcome");
        assertThat(unknownOutcome.toString()).doesNotContain("java.");
    }
}
