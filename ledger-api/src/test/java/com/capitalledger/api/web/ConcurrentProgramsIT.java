package com.capitalledger.api.web;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands on different programs commit concurrently, so events become visible out of global-index order (an event
 * can commit after a later-numbered one). The read models must still record each event under its own index: after
 * the burst, a fresh fold of the event store and the stored read models agree row for row.
 */
class ConcurrentProgramsIT extends IntegrationTest {

    private static final int PROGRAMS = 8;
    private static final int COMMANDS = 40;

    @Test
    void eventsCommittedOutOfOrderAreRecordedUnderTheirOwnIndex() {
        for (int p = 0; p < PROGRAMS; p++) {
            assertThat(http().postJson("/api/v1/programs", """
                    {"programId":"BURST-%d","name":"Burst","currency":"USD","targetAmount":"1000000000.00",
                     "maxDebtPct":"90","effectiveDate":"2025-01-01"}""".formatted(p)).statusCode()).isEqualTo(201);
            assertThat(http().postJson("/api/v1/programs/BURST-" + p + "/commitments", """
                    {"investorId":"A","investorName":"Alpha","amount":"1000.00","currency":"USD",
                     "effectiveDate":"2025-01-01"}""").statusCode()).isEqualTo(201);
        }
        List<CompletableFuture<List<Integer>>> clients = new ArrayList<>();
        for (int p = 0; p < PROGRAMS; p++) {
            String path = "/api/v1/programs/BURST-" + p + "/commitments/A/increase";
            clients.add(CompletableFuture.supplyAsync(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < COMMANDS; i++) {
                    statuses.add(http().postJson(path,
                            "{\"amount\":\"1.00\",\"currency\":\"USD\",\"effectiveDate\":\"2025-01-02\"}").statusCode());
                }
                return statuses;
            }));
        }
        clients.forEach(client -> assertThat(client.join()).containsOnly(201));
        awaitReadModels();

        HttpResponse<String> check = http(TestUsers.COMPLIANCE).postJson("/api/v1/admin/consistency-check", "");
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        JsonNode report = json(check);
        assertThat(report.get("differences")).as(check.body()).isEmpty();
        assertThat(report.get("differenceCount").asLong()).isZero();
        for (int p = 0; p < PROGRAMS; p++) {
            JsonNode investor = json(http().get("/api/v1/programs/BURST-" + p + "/investors/A"));
            assertThat(investor.get("committed").asText()).isEqualTo("1040.00");
        }
    }
}
