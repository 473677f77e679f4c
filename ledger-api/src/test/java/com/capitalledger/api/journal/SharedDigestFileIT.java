package com.capitalledger.api.journal;

import com.capitalledger.api.LedgerApplication;
import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.journal.store.LedgerId;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static com.capitalledger.api.support.HttpClientSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two ledgers (two databases) started with one digest file, as a test and a demo started in one directory once did:
 * each digest names its ledger, and each ledger is held only to its own, so a clean ledger verifies clean even when
 * the other ledger wrote the file's last digest.
 */
class SharedDigestFileIT {

    private static ConfigurableApplicationContext start(Path digestFile) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=",
                "--ledger.embedded-postgres.ephemeral=true", "--server.port=0",
                "--ledger.journal.digest-file=" + digestFile, "--ledger.journal.digest-every=PT1S"));
        arguments.addAll(TestUsers.arguments());
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    private static HttpClientSupport http(ConfigurableApplicationContext ledger, TestUsers user) {
        return new HttpClientSupport("http://localhost:" + ((WebServerApplicationContext) ledger).getWebServer()
                .getPort(), user.basic());
    }

    private static void createProgram(ConfigurableApplicationContext ledger, String id) {
        assertThat(http(ledger, TestUsers.TREASURY).postJson("/api/v1/programs", """
                {"programId":"%s","name":"Shared file","currency":"USD","targetAmount":"1000000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-01"}""".formatted(id)).statusCode()).isEqualTo(201);
    }

    /** Waits until the file's last line is a digest of this ledger of at least that many entries. */
    private static void awaitDigest(Path file, String ledgerId, long treeSize) {
        Awaitility.await("a digest of " + ledgerId).atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            JsonNode last = lines.isEmpty() ? null : parse(lines.get(lines.size() - 1));
            return last != null && ledgerId.equals(last.path("ledgerId").asText())
                    && last.path("treeSize").asLong() >= treeSize;
        });
    }

    @Test
    void eachLedgerIsHeldOnlyToItsOwnDigests(@TempDir Path directory) throws IOException {
        // In a folder that does not exist yet: the first digest written makes it.
        Path shared = directory.resolve("digests").resolve("journal-digests.ndjson");
        try (ConfigurableApplicationContext clean = start(shared);
             ConfigurableApplicationContext other = start(shared)) {
            String cleanId = clean.getBean(LedgerId.class).value();
            String otherId = other.getBean(LedgerId.class).value();
            assertThat(cleanId).isNotEqualTo(otherId);

            createProgram(clean, "CLEAN");
            awaitDigest(shared, cleanId, 1);
            createProgram(other, "OTHER1");
            createProgram(other, "OTHER2");
            awaitDigest(shared, otherId, 2);

            JsonNode served = json(http(clean, TestUsers.COMPLIANCE).get("/api/v1/journal/digest"));
            assertThat(served.get("ledgerId").asText()).isEqualTo(cleanId);

            JsonNode verified = json(http(clean, TestUsers.COMPLIANCE).postJson("/api/v1/journal/verify", ""));
            assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.get("heldTo").get("ledgerId").asText()).isEqualTo(cleanId);
            assertThat(verified.get("heldTo").get("treeSize").asLong()).isEqualTo(1);

            JsonNode otherVerified = json(http(other, TestUsers.COMPLIANCE).postJson("/api/v1/journal/verify", ""));
            assertThat(otherVerified.get("ok").asBoolean()).as(otherVerified.toString()).isTrue();
            assertThat(otherVerified.get("heldTo").get("ledgerId").asText()).isEqualTo(otherId);
        }
        assertThat(Files.readAllLines(shared)).anyMatch(line -> line.contains("\"ledgerId\":\""))
                .allMatch(line -> line.contains("\"ledgerId\":\""));
    }
}
