package com.capitalledger.api.journal;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' section of docs/journal.md: with the public key, a digest and the export saved as its commands save them,
 * its offline command, run as written (the packaged jar's {@code verify} mode, in a JVM of its own, with no database
 * and no network), accepts them, then refuses the export once one amount in it is changed.
 */
@TestPropertySource(properties = "ledger.test.context=offline-verify")
@DirtiesContext
class OfflineVerifyCommandIT extends IntegrationTest {

    private static final Pattern SECTION = Pattern.compile("### Verifying without the ledger\\n.*?```bash\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void theDocumentedOfflineVerificationAcceptsTheExportAndRefusesItChanged(@TempDir Path auditor) throws Exception {
        HttpClientSupport treasury = http();
        assertThat(treasury.postJson("/api/v1/programs", """
                {"programId":"OFFLINE","name":"Offline","currency":"USD","targetAmount":"1000000.00","maxDebtPct":"90",
                 "effectiveDate":"2025-01-01"}""").statusCode()).isEqualTo(201);
        assertThat(treasury.postJson("/api/v1/programs/OFFLINE/commitments", """
                {"investorId":"A","investorName":"Alpha","amount":"250000.00","currency":"USD",
                 "effectiveDate":"2025-01-02"}""").statusCode()).isEqualTo(201);
        HttpClientSupport compliance = http(TestUsers.COMPLIANCE);
        Awaitility.await("the journal has both events").atMost(Duration.ofSeconds(30))
                .until(() -> json(compliance.get("/api/v1/journal/digest")).get("treeSize").asLong() == 2);

        Files.writeString(auditor.resolve("journal.pem"), compliance.get("/api/v1/journal/public-key").body());
        Files.writeString(auditor.resolve("digest.json"), compliance.get("/api/v1/journal/digest").body());
        Files.writeString(auditor.resolve("journal.ndjson"), compliance.get("/api/v1/journal/export").body());
        Matcher section = SECTION.matcher(Files.readString(repository().resolve("docs/journal.md")));
        assertThat(section.find()).as("docs/journal.md's section for auditors").isTrue();
        String command = section.group(1).lines().filter(line -> line.startsWith("java -jar ")).findFirst()
                .orElseThrow().replace("java -jar ledger-api/target/",
                        "java -jar " + repository().resolve("ledger-api/target") + "/");

        Run accepted = run(auditor, command);
        assertThat(accepted.output()).contains("signature valid").contains("  OK: ");
        assertThat(accepted.status()).as(accepted.output()).isZero();

        Path export = auditor.resolve("journal.ndjson");
        Files.writeString(export, Files.readString(export).replace("\"250000.00\"", "\"2500000.00\""));
        Run refused = run(auditor, command);
        assertThat(refused.output()).contains("MISMATCH").contains("first at seq 1, ");
        assertThat(refused.status()).as(refused.output()).isEqualTo(1);
    }

    private record Run(int status, String output) {
    }

    private static Run run(Path directory, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).directory(directory.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Path repository() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.exists(directory.resolve("README.md")) || !Files.exists(directory.resolve("ledger-api"))) {
            directory = directory.getParent();
        }
        return directory;
    }
}
