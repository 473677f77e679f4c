package com.capitalledger.api;

import com.capitalledger.api.demo.DemoOnFirstStart;
import com.capitalledger.journal.digest.JournalDigests;
import com.capitalledger.api.support.HttpClientSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default as a newcomer meets it: nothing configured, a real PostgreSQL started from its data
 * directory, demo users with generated passwords in an owner-only file, the Stargate demo posted on first start,
 * everything stopped cleanly with the service and still there (and not posted twice) on the next start.
 */
class EmbeddedDefaultRestartIT {

    private Path home;

    @AfterEach
    void removeHome() throws IOException {
        if (home != null) {
            FileSystemUtils.deleteRecursively(home);
        }
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=", "--server.port=0",
                "--ledger.embedded-postgres.data-directory=" + home.resolve("postgres"),
                "--ledger.security.demo-credentials-file=" + credentialsFile()));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    private Path credentialsFile() {
        return home.resolve("demo-credentials.properties");
    }

    private Properties passwords() throws IOException {
        Properties passwords = new Properties();
        try (Reader reader = Files.newBufferedReader(credentialsFile())) {
            passwords.load(reader);
        }
        return passwords;
    }

    private static HttpClientSupport http(ConfigurableApplicationContext context, Properties passwords, String user) {
        String credentials = user + ":" + passwords.getProperty(user);
        return new HttpClientSupport(base(context), "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static long events(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void theDemoIsPostedOnFirstStartAndTheLedgerIsStillThereAfterARestart() throws IOException {
        home = Files.createTempDirectory("ledger-embedded-");
        String body = """
                {"programId":"RESTART","name":"Restart","currency":"USD","targetAmount":"1000000.00",
                 "maxDebtPct":"90","effectiveDate":"2025-01-21"}""";
        long eventsAfterFirstRun;
        Properties firstPasswords;
        String publicKey;

        try (ConfigurableApplicationContext first = start()) {
            assertThat(Files.getPosixFilePermissions(credentialsFile()))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            HttpClientSupport anonymous = new HttpClientSupport(base(first));
            assertThat(json(anonymous.get("/actuator/health/readiness")).get("status").asText()).isEqualTo("UP");
            assertThat(anonymous.get("/api/v1/programs/STARGATE").statusCode()).isEqualTo(401);

            firstPasswords = passwords();
            assertThat(first.getBean(DemoOnFirstStart.class).outcome()).isEqualTo(DemoOnFirstStart.Outcome.LOADED);
            HttpClientSupport treasury = http(first, firstPasswords, "treasury");
            HttpResponse<String> demo = treasury.await("/api/v1/programs/STARGATE/positions?asOf=2025-12-31",
                    r -> r.statusCode() == 200 && "15000000000.00".equals(
                            json(r).get("capitalisation").get("outstandingDebt").asText()), Duration.ofSeconds(15));
            assertThat(demo.statusCode()).as(demo.body()).isEqualTo(200);
            assertThat(json(demo).get("investors")).hasSize(4);
            assertThat(json(demo).get("tranches")).hasSize(2);
            assertThat(http(first, firstPasswords, "admin").postJson("/api/v1/programs", body).statusCode())
                    .as("the demo admin posts no business command").isEqualTo(403);
            assertThat(treasury.postJson("/api/v1/programs", body).statusCode()).isEqualTo(201);
            eventsAfterFirstRun = events(first);
            publicKey = http(first, firstPasswords, "compliance").get("/api/v1/journal/public-key").body();
            assertThat(first.getBean(JournalDigests.class).file()).as("the digest file, beside the data")
                    .isEqualTo(home.resolve("journal-digests.ndjson"));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(List.of(jdbc.queryForObject("SHOW fsync", String.class),
                    jdbc.queryForObject("SHOW synchronous_commit", String.class),
                    jdbc.queryForObject("SHOW full_page_writes", String.class)))
                    .as("an acknowledged command is on disk").containsOnly("on");
        }
        assertThat(home.resolve("postgres").resolve("PG_VERSION")).exists();
        Path key = home.resolve("journal-signing-key.pem");
        assertThat(Files.getPosixFilePermissions(key)).as("the journal's key, beside the data, its owner's alone")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        assertThat(home.resolve("postgres").resolve("postmaster.pid")).as("PostgreSQL stopped with the service")
                .doesNotExist();

        // Configured explicitly this time: the same key from its file, digests to another file, every second.
        Path digests = home.resolve("elsewhere").resolve("digests.ndjson");
        Files.createDirectories(digests.getParent());
        try (ConfigurableApplicationContext second = start("--ledger.journal.signing-key-file=" + key,
                "--ledger.journal.digest-file=" + digests, "--ledger.journal.digest-every=PT1S")) {
            HttpClientSupport compliance = http(second, firstPasswords, "compliance");
            assertThat(compliance.get("/api/v1/journal/public-key").body())
                    .as("the key generated on first start").isEqualTo(publicKey);
            await("a digest in the configured file").atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(digests) && Files.readString(digests).contains("\"keyId\""));
            HttpClientSupport treasury = http(second, firstPasswords, "treasury");
            HttpResponse<String> program = treasury.get("/api/v1/programs/RESTART");
            assertThat(program.statusCode()).as("the same demo passwords still sign in").isEqualTo(200);
            assertThat(json(program).get("targetAmount").asText()).isEqualTo("1000000.00");
            assertThat(events(second)).as("the demo is not posted again").isEqualTo(eventsAfterFirstRun);
            assertThat(treasury.postJson("/api/v1/programs", body).statusCode())
                    .as("the event store remembers the program too").isEqualTo(422);
            assertThat(events(second)).as("the refusal, journaled").isEqualTo(eventsAfterFirstRun + 1);
            assertThat(second.getBean(DemoOnFirstStart.class).outcome())
                    .isEqualTo(DemoOnFirstStart.Outcome.NOT_FIRST_START);
        }
    }
}
