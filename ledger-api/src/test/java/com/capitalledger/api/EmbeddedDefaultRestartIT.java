package com.capitalledger.api;

import com.capitalledger.api.support.HttpClientSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default as a newcomer meets it: nothing configured, a real PostgreSQL started from its data
 * directory, stopped cleanly with the service, and the ledger still there on the next start.
 */
class EmbeddedDefaultRestartIT {

    private Path dataDirectory;

    @AfterEach
    void removeDataDirectory() throws IOException {
        if (dataDirectory != null) {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--spring.datasource.url=",
                "--server.port=0",
                "--ledger.embedded-postgres.data-directory=" + dataDirectory);
    }

    private static HttpClientSupport http(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new HttpClientSupport("http://localhost:" + port);
    }

    @Test
    void aProgramCreatedOverHttpIsStillThereAfterTheServiceIsStoppedAndStartedAgain() throws IOException {
        dataDirectory = Files.createTempDirectory("ledger-embedded-");
        String body = """
                {"programId":"STARGATE","name":"Stargate","currency":"USD","targetAmount":"500000000000.00",
                 "maxDebtPct":"90","effectiveDate":"2025-01-21"}""";

        try (ConfigurableApplicationContext first = start()) {
            assertThat(json(http(first).get("/actuator/health/readiness")).get("status").asText()).isEqualTo("UP");
            assertThat(http(first).postJson("/api/v1/programs", body).statusCode()).isEqualTo(201);
            assertThat(http(first).await("/api/v1/programs/STARGATE", r -> r.statusCode() == 200,
                    Duration.ofSeconds(15)).statusCode()).isEqualTo(200);
        }
        assertThat(dataDirectory.resolve("PG_VERSION")).exists();
        assertThat(dataDirectory.resolve("postmaster.pid")).as("PostgreSQL stopped with the service").doesNotExist();

        try (ConfigurableApplicationContext second = start()) {
            HttpResponse<String> program = http(second).get("/api/v1/programs/STARGATE");
            assertThat(program.statusCode()).isEqualTo(200);
            assertThat(json(program).get("targetAmount").asText()).isEqualTo("500000000000.00");
            assertThat(http(second).postJson("/api/v1/programs", body).statusCode())
                    .as("the event store remembers the program too").isEqualTo(422);
        }
    }
}
