package com.capitalledger.api.audit;

import com.capitalledger.api.command.Rejections;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.projections.fold.audit.AuditKeys;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The CSV export is the whole filtered trail, well past the JSON read's default page of 100: 250 lines of one program
 * (a creation, 199 commitments, 50 refused duplicates) come back as 250 CSV lines in the trail's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditExportIT extends IntegrationTest {

    private static final String P = "AUDIT-EXPORT";
    private static final int COMMITMENTS = 199;
    private static final int REFUSED = 50;

    @Autowired
    private CommandGateway commands;

    @Autowired
    private Rejections rejections;

    private List<String> trailOrder;

    @BeforeAll
    void recordTwoHundredFiftyLines() {
        ProgramId program = new ProgramId(P);
        send(new CreateProgram(program, "Export test", "USD", new BigDecimal("1000000000000.00"), new BigDecimal("80"),
                LocalDate.of(2025, 1, 1)));
        for (int i = 1; i <= COMMITMENTS; i++) {
            send(commitment(program, i));
        }
        for (int i = 1; i <= REFUSED; i++) {
            CommitEquity duplicate = commitment(program, i);
            assertThatThrownBy(() -> send(duplicate)).isInstanceOf(LedgerRejection.class);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_entry WHERE program_id = ?", Long.class, P) == 1 + COMMITMENTS + REFUSED);
        trailOrder = jdbc.queryForList("SELECT entry_id FROM audit_entry WHERE program_id = ? "
                + "ORDER BY recorded_at, COALESCE(position, -1), entry_id", String.class, P);
    }

    private static CommitEquity commitment(ProgramId program, int i) {
        return new CommitEquity(program, new InvestorId(String.format("INV-%03d", i)), "Investor " + i,
                new BigDecimal("1000000.00"), "USD", LocalDate.of(2025, 1, 1));
    }

    /** Sends a command in process, its refusal recorded as the service's command path records it. */
    private void send(Object command) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                AuditKeys.ACTOR, "export-test", AuditKeys.CORRELATION_ID, "export-test")));
        try {
            commands.sendAndWait(message);
        } catch (LedgerRejection rejection) {
            rejections.record(message, rejection);
            throw rejection;
        }
    }

    private static List<CSVRecord> records(HttpResponse<String> response) throws IOException {
        try (CSVParser csv = CSVParser.parse(new StringReader(response.body()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(csv.getHeaderNames()).containsExactly(AuditCsv.COLUMNS);
            return csv.getRecords();
        }
    }

    @Test
    void theExportIsTheWholeFilteredTrailInItsOrder() throws IOException {
        HttpResponse<String> response = http(TestUsers.COMPLIANCE).get("/api/v1/audit/entries/export?programId=" + P);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.headers().firstValue(AuditController.NEXT_CURSOR)).isEmpty();
        List<CSVRecord> lines = records(response);
        assertThat(lines).hasSize(250);
        assertThat(lines).extracting(line -> line.get("entryId")).containsExactlyElementsOf(trailOrder);
        assertThat(lines).filteredOn(line -> line.get("outcome").equals("ACCEPTED")).hasSize(200);
        assertThat(lines).filteredOn(line -> line.get("outcome").equals("REJECTED"))
                .extracting(line -> line.get("code")).containsOnly("DUPLICATE_ID").hasSize(50);
        assertThat(lines).filteredOn(line -> line.get("type").equals("EquityCommitted"))
                .extracting(line -> line.get("amount")).containsOnly("1000000.00").hasSize(COMMITMENTS);
        assertThat(lines).extracting(line -> line.get("actor")).containsOnly("export-test");
    }

    @Test
    void theExportAppliesTheFilter() throws IOException {
        List<CSVRecord> refused = records(http(TestUsers.COMPLIANCE)
                .get("/api/v1/audit/entries/export?programId=" + P + "&outcome=REJECTED"));

        assertThat(refused).extracting(line -> line.get("investorId")).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, REFUSED).mapToObj(i -> String.format("INV-%03d", i)).toList());
    }

    @Test
    void acceptTextCsvOnTheTrailWithoutCursorOrLimitStillExportsEverything() throws IOException {
        HttpResponse<String> legacy = http(TestUsers.COMPLIANCE).get("/api/v1/audit/entries?programId=" + P,
                "Accept", "text/csv");

        assertThat(legacy.statusCode()).isEqualTo(200);
        assertThat(records(legacy)).extracting(line -> line.get("entryId")).containsExactlyElementsOf(trailOrder);
        assertThat(legacy.body()).isEqualTo(http(TestUsers.COMPLIANCE)
                .get("/api/v1/audit/entries/export?programId=" + P).body());
    }

    @Test
    void theJsonReadStaysPagedWithItsCursorInBodyAndHeader() {
        HttpResponse<String> first = http(TestUsers.COMPLIANCE).get("/api/v1/audit/entries?programId=" + P);

        assertThat(json(first).get("entries")).hasSize(100);
        String cursor = json(first).get("nextCursor").asText();
        assertThat(first.headers().firstValue(AuditController.NEXT_CURSOR)).contains(cursor);
        HttpResponse<String> last = http(TestUsers.COMPLIANCE)
                .get("/api/v1/audit/entries?programId=" + P + "&limit=1000&cursor=" + cursor);
        assertThat(json(last).get("entries")).hasSize(150);
        assertThat(json(last).get("nextCursor").isNull()).isTrue();
        assertThat(last.headers().firstValue(AuditController.NEXT_CURSOR)).isEmpty();
    }

    @Test
    void aBadFilterIsAProblemNotACsv() {
        HttpResponse<String> response = http(TestUsers.COMPLIANCE).get("/api/v1/audit/entries/export?outcome=MAYBE",
                "Accept", "text/csv, application/problem+json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        assertThat(json(response).get("code").asText()).isEqualTo("INVALID_PARAMETER");
    }
}
