package com.capitalledger.api.nodes;

import com.capitalledger.api.LedgerApplication;
import com.capitalledger.api.config.LedgerNode;
import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two service nodes on one database. Read-model status is the same on both (positions and claims come from the
 * shared token store, not from the processors a node happens to run), and a rebuild started on either is seen by
 * both: queries answer 503 on both until it is done, and the node that held the processors hands them over.
 */
@TestPropertySource(properties = "ledger.test.context=two-nodes")
class TwoNodesIT extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private LedgerNode nodeA;

    private ConfigurableApplicationContext nodeB;

    @AfterEach
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private HttpClientSupport onB(TestUsers user) {
        return new HttpClientSupport("http://localhost:" + ((WebServerApplicationContext) nodeB).getWebServer().getPort(),
                user.basic());
    }

    private void startNodeB() {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
                "--spring.datasource.username=postgres", "--server.port=0", "--ledger.test.context=node-b"));
        arguments.addAll(TestUsers.arguments());
        nodeB = new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    @Test
    void bothNodesReportTheSameStatusAndSeeARebuildStartedOnEither() {
        assertThat(http().postJson("/api/v1/programs", """
                {"programId":"TWO","name":"Two nodes","currency":"USD","targetAmount":"1000000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-21"}""").statusCode()).isEqualTo(201);
        awaitReadModels();
        startNodeB();
        LedgerNode nodeBId = nodeB.getBean(LedgerNode.class);
        assertThat(nodeBId).isNotEqualTo(nodeA);

        // Node A started first and holds every segment; node B processes nothing, yet reports what A does.
        JsonNode onA = json(http(TestUsers.ADMIN).get("/api/v1/admin/read-models"));
        JsonNode onBStatus = json(onB(TestUsers.ADMIN).get("/api/v1/admin/read-models"));
        for (int i = 0; i < onA.size(); i++) {
            JsonNode a = onA.get(i);
            JsonNode b = onBStatus.get(i);
            assertThat(b.get("name")).isEqualTo(a.get("name"));
            assertThat(b.get("state").asText()).as(a.get("name").asText()).isEqualTo("LIVE");
            assertThat(b.get("position").asLong()).as(a.get("name").asText())
                    .isEqualTo(a.get("position").asLong()).isEqualTo(a.get("head").asLong()).isPositive();
            assertThat(b.get("segments").findValuesAsText("node")).containsOnly(nodeA.id());
        }

        // A rebuild asked of node B: node A lets go of the processors, and both answer 503 meanwhile.
        HttpResponse<String> rebuild = onB(TestUsers.ADMIN).postJson("/api/v1/admin/read-models/all/rebuild", "");
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
        HttpResponse<String> duringOnA = http(TestUsers.ANALYST).get("/api/v1/programs/TWO/positions?asOf=2025-12-31");
        assertThat(duringOnA.statusCode()).as(duringOnA.body()).isEqualTo(503);
        assertThat(json(duringOnA).get("code").asText()).isEqualTo("READ_MODEL_REBUILDING");
        assertThat(duringOnA.headers().firstValue("Retry-After")).isPresent();
        JsonNode rebuildingOnA = json(http(TestUsers.ADMIN).get("/api/v1/admin/read-models/tranches"));
        assertThat(rebuildingOnA.get("rebuildNode").asText()).isEqualTo(nodeBId.id());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (HttpClientSupport admin : List.of(http(TestUsers.ADMIN), onB(TestUsers.ADMIN))) {
                for (JsonNode model : json(admin.get("/api/v1/admin/read-models"))) {
                    assertThat(model.get("state").asText()).as(model.get("name").asText()).isEqualTo("LIVE");
                    assertThat(model.get("rebuildFinishedAt").isNull()).isFalse();
                }
            }
        });
        for (HttpClientSupport analyst : List.of(http(TestUsers.ANALYST), onB(TestUsers.ANALYST))) {
            HttpResponse<String> positions = analyst.get("/api/v1/programs/TWO/positions?asOf=2025-12-31");
            assertThat(positions.statusCode()).as(positions.body()).isEqualTo(200);
        }
        assertThat(json(onB(TestUsers.COMPLIANCE).postJson("/api/v1/admin/consistency-check", ""))
                .get("differenceCount").asLong()).isZero();
    }
}
