package com.capitalledger.api.journal;

import com.capitalledger.api.LedgerApplication;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.journal.keys.MissingSigningKey;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the embedded default, a service started without the journal's signing key ends with one paragraph saying
 * what is missing and how to provide it, and no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingSigningKeyIT {

    @Test
    void startingWithoutTheSigningKeyExplainsItInOneParagraph(CapturedOutput output) throws IOException {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + server.getJdbcUrl("postgres",
                    "postgres"), "--spring.datasource.username=postgres", "--server.port=0"));
            args.addAll(TestUsers.arguments());

            assertThatThrownBy(() -> SpringApplication.run(LedgerApplication.class, args.toArray(String[]::new))
                    .close()).hasRootCauseInstanceOf(MissingSigningKey.class);
        }

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("The journal has no signing key")
                .contains("ledger.journal.signing-key (environment variable LEDGER_JOURNAL_SIGNING_KEY)")
                .contains("ledger.journal.signing-key-file (environment variable LEDGER_JOURNAL_SIGNING_KEY_FILE)")
                .doesNotContain("\tat ");
    }
}
