package com.capitalledger.api.security;

import com.capitalledger.api.LedgerApplication;
import com.capitalledger.api.config.Misconfiguration;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.journal.keys.SigningKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On a database of its own choosing (anything but the embedded default) the service has no demo users: without
 * configured users or a JWT issuer it refuses to start, and so it does with a clear-text password. It says why in one
 * paragraph, and how to put it right, without a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupRefusalIT {

    private static EmbeddedPostgres server;
    @TempDir
    static Path digests;

    @BeforeAll
    static void startAServer() throws IOException {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopTheServer() throws IOException {
        server.close();
    }

    private static void start(String... more) {
        String[] args = new String[more.length + 6];
        args[0] = "--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres");
        args[1] = "--spring.datasource.username=postgres";
        args[2] = "--server.port=0";
        args[3] = "--logging.level.root=OFF";
        args[4] = "--ledger.journal.signing-key=" + SigningKeys.generate().pem();
        // A service that does start writes its digests here, not under the user's home (the default).
        args[5] = "--ledger.journal.digest-file=" + digests.resolve("journal-digests.ndjson");
        System.arraycopy(more, 0, args, 6, more.length);
        new SpringApplicationBuilder(LedgerApplication.class).run(args).close();
    }

    @Test
    void outsideTheEmbeddedDefaultWithoutAJournalKeyTheServiceRefusesToStart() {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + server.getJdbcUrl("postgres",
                "postgres"), "--spring.datasource.username=postgres", "--server.port=0", "--logging.level.root=OFF"));
        args.addAll(TestUsers.arguments());
        assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new))
                .close())
                .rootCause().hasMessageContaining("The journal has no signing key")
                .hasMessageContaining("ledger.journal.signing-key-file");
    }

    @Test
    void withNoUsersAndNoIssuerTheServiceRefusesToStart() {
        assertThatThrownBy(StartupRefusalIT::start)
                .rootCause().hasMessageContaining("No way to authenticate anyone")
                .hasMessageContaining("Demo users exist only on the embedded default");
    }

    @Test
    void aRefusalSaysWhatIsMissingAndHowToProvideItWithoutAStackTrace(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApplication.class).run(
                "--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--server.port=0",
                "--ledger.journal.signing-key=" + SigningKeys.generate().pem()).close())
                .rootCause().isInstanceOf(Misconfiguration.class);
        assertThat(output.toString())
                .contains("APPLICATION FAILED TO START")
                .contains("No way to authenticate anyone: no users are configured and no JWT issuer.")
                .contains("ledger.security.users[0].password (environment LEDGER_SECURITY_USERS_0_PASSWORD)")
                .contains("spring.security.oauth2.resourceserver.jwt.issuer-uri (environment "
                        + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI)")
                .doesNotContain("\tat ");
    }

    @Test
    void theEmbeddedDefaultWithDemoUsersSwitchedOffAndNoUsersRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApplication.class).run("--spring.datasource.url=",
                "--ledger.embedded-postgres.ephemeral=true", "--ledger.security.demo-users=false", "--server.port=0",
                "--logging.level.root=OFF").close())
                .rootCause().hasMessageContaining("No way to authenticate anyone")
                .hasMessageContaining("ledger.security.demo-users=false");
    }

    @Test
    void aJwtIssuerWithoutAnAudienceIsRefusedAtStartUp() {
        assertThatThrownBy(() -> start(
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks.json"))
                .rootCause().hasMessageContaining("without an audience")
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences");
    }

    @Test
    void anInvestorWithoutItsInvestorOrWithAnotherRoleIsRefusedAtStartUp() {
        String hash = "--ledger.security.users[0].password={bcrypt}$2a$04$" + "a".repeat(53);
        assertThatThrownBy(() -> start("--ledger.security.users[0].name=softbank", hash,
                "--ledger.security.users[0].roles=INVESTOR"))
                .rootCause().isInstanceOf(Misconfiguration.class)
                .hasMessageStartingWith("ledger.security.users[0].investor-id must name the investor this INVESTOR "
                        + "is bound to");
        assertThatThrownBy(() -> start("--ledger.security.users[0].name=analyst", hash,
                "--ledger.security.users[0].roles=ANALYST", "--ledger.security.users[0].investor-id=SOFTBANK"))
                .rootCause().hasMessageStartingWith("ledger.security.users[0].investor-id is set for a user that is "
                        + "no INVESTOR");
        assertThatThrownBy(() -> start("--ledger.security.users[0].name=insider", hash,
                "--ledger.security.users[0].roles=INVESTOR,ANALYST", "--ledger.security.users[0].investor-id=SOFTBANK"))
                .rootCause().hasMessageStartingWith("ledger.security.users[0].roles combines INVESTOR with another "
                        + "role");
    }

    @Test
    void aClearTextPasswordIsRefusedAtStartUp() {
        assertThatThrownBy(() -> start("--ledger.security.users[0].name=treasury",
                "--ledger.security.users[0].password={noop}treasury", "--ledger.security.users[0].roles=TREASURY"))
                .rootCause().hasMessageContaining("ledger.security.users[0].password must be a {bcrypt} hash");
    }
}
