package com.capitalledger.api.outage;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import com.capitalledger.api.LedgerApplication;
import com.capitalledger.api.admin.ReadModelStatus;
import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.journal.keys.SigningKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped under the service and started again: while it is down every request that needs it is answered
 * 503 DATABASE_UNAVAILABLE with Retry-After within two seconds, the readiness probe says DOWN within two seconds (the
 * liveness probe stays UP), a command forbidden to its caller is still refused 403 (its refusal unrecorded, and
 * counted so), nothing is half-written, and once it is back the service recovers by itself: commands are
 * recorded, read models catch up and agree with the event store.
 */
class DatabaseOutageIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    private Path data;
    private Path digests;
    private int databasePort;
    private EmbeddedPostgres database;
    private ConfigurableApplicationContext service;

    @AfterEach
    void stopEverything() throws IOException {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
        FileSystemUtils.deleteRecursively(data);
        Files.deleteIfExists(digests);
    }

    private EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(databasePort)
                .setRegisterShutdownHook(false).start();
    }

    private HttpClientSupport as(TestUsers user) {
        return new HttpClientSupport("http://localhost:"
                + ((WebServerApplicationContext) service).getWebServer().getPort(), user.basic());
    }

    @Test
    void whileTheDatabaseIsDownClientsHear503PromptlyAndTheServiceRecoversByItself() throws Exception {
        data = Files.createTempDirectory("ledger-outage-");
        digests = Files.createTempFile("ledger-outage-digests-", ".ndjson");
        try (ServerSocket free = new ServerSocket(0)) {
            databasePort = free.getLocalPort();
        }
        database = startDatabase();
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "--spring.datasource.username=postgres", "--server.port=0",
                "--ledger.journal.signing-key=" + SigningKeys.generate().pem(),
                // Its digests in a file of the test's own: the default would be under the user's home.
                "--ledger.journal.digest-file=" + digests));
        arguments.addAll(TestUsers.arguments());
        service = new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
        HttpClientSupport treasury = as(TestUsers.TREASURY);
        HttpClientSupport anonymous = new HttpClientSupport(
                "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort());
        assertThat(treasury.postJson("/api/v1/programs", program("BEFORE")).statusCode()).isEqualTo(201);

        database.close();

        // The same answer whatever the client accepts: generated clients send Accept: application/json, and a 406
        // there would tell a treasury system never to retry a command it should retry.
        List<Supplier<HttpResponse<String>>> requests = new ArrayList<>();
        for (String accept : List.of("application/json", "application/problem+json",
                "application/json, application/problem+json", "*/*")) {
            requests.add(() -> treasury.postJson("/api/v1/programs", program("DURING"), "Idempotency-Key",
                    "during-outage", "Accept", accept));
        }
        // A client accepting only problem+json hears the query's error too (only its success would be 406).
        for (String accept : List.of("application/json", "application/problem+json",
                "application/json, application/problem+json", "*/*")) {
            requests.add(() -> as(TestUsers.ANALYST).get("/api/v1/programs/BEFORE/positions?asOf=2025-12-31",
                    "Accept", accept));
        }
        requests.addAll(List.<Supplier<HttpResponse<String>>>of(
                () -> treasury.postJson("/api/v1/programs", program("DURING"), "Idempotency-Key", "during-outage"),
                () -> as(TestUsers.ANALYST).get("/api/v1/programs/BEFORE/positions?asOf=2025-12-31"),
                () -> as(TestUsers.COMPLIANCE).get("/api/v1/audit/entries?programId=BEFORE"),
                () -> as(TestUsers.ANALYST).postRaw("/api/v1/programs/BEFORE/what-if", "{}",
                        "Content-Type", "application/json"),
                () -> as(TestUsers.ADMIN).get("/api/v1/admin/read-models")));
        for (Supplier<HttpResponse<String>> request : requests) {
            long start = System.nanoTime();
            HttpResponse<String> response = request.get();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String what = response.request().method() + " " + response.request().uri().getPath() + " accepting "
                    + response.request().headers().firstValue("Accept").orElse("anything");
            assertThat(took).as(what + " answered within two seconds").isLessThan(PROMPTLY);
            assertThat(response.statusCode()).as(what + " " + response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).as(what)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("Retry-After")).as(what).contains("2");
            assertThat(json(response).get("code").asText()).as(what).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(json(response).get("correlationId").asText()).as(what).isNotEmpty();
            assertThat(json(response).get("instance").asText()).as(what).isEqualTo(response.request().uri().getPath());
        }
        // A command refused to a role that may not send it stays refused, and promptly: its refusal cannot be
        // journaled now, which the error log and ledger.refusals.unrecorded say, but a 503 would invite a retry.
        long asked = System.nanoTime();
        HttpResponse<String> forbidden = as(TestUsers.ANALYST).postJson("/api/v1/programs", program("FORBIDDEN"));
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(PROMPTLY);
        assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
        assertThat(json(forbidden).get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(forbidden.headers().firstValue("Ledger-Position")).isEmpty();
        assertThat(service.getBean(MeterRegistry.class).counter("ledger.refusals.unrecorded", "code", "FORBIDDEN")
                .count()).isEqualTo(1);
        long start = System.nanoTime();
        HttpResponse<String> readiness = anonymous.get("/actuator/health/readiness");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(json(readiness).get("status").asText()).isEqualTo("DOWN");
        assertThat(json(anonymous.get("/actuator/health/liveness")).get("status").asText()).isEqualTo("UP");

        // Every processor has met the outage and waits out Axon's error back-off.
        EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> processing.eventProcessors().values().stream()
                .allMatch(EventProcessor::isError));

        database = startDatabase();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(json(anonymous.get("/actuator/health/readiness")).get("status").asText()).isEqualTo("UP"));
        HttpResponse<String> retried = treasury.postJson("/api/v1/programs", program("DURING"),
                "Idempotency-Key", "during-outage");
        assertThat(retried.statusCode()).as("the command refused during the outage, sent again: " + retried.body())
                .isEqualTo(201);
        ReadModels readModels = service.getBean(ReadModels.class);
        // Within two balancing intervals of the database's return, not after the processors' back-off.
        await().atMost(Duration.ofSeconds(15)).until(() -> readModels.status().stream()
                .allMatch(s -> s.state() == ReadModelStatus.State.LIVE && s.position() >= s.head()));
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry ORDER BY global_index",
                String.class)).containsExactly("BEFORE", "DURING");
        assertThat(json(as(TestUsers.ANALYST).get("/api/v1/programs/DURING")).get("programId").asText())
                .isEqualTo("DURING");
        assertThat(json(as(TestUsers.COMPLIANCE).postJson("/api/v1/admin/consistency-check", ""))
                .get("differenceCount").asLong()).isZero();
    }

    private static String program(String id) {
        return """
                {"programId":"%s","name":"Outage","currency":"USD","targetAmount":"1000000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-21"}""".formatted(id);
    }
}
