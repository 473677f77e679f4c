package com.capitalledger.api.config;

import com.capitalledger.api.LedgerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start-up the embedded default refuses leaves no PostgreSQL server running behind it. */
class EmbeddedPostgresStartupIT {

    @Test
    void anUnusableDatabaseNameIsRefusedBeforeAnyServerStarts(@TempDir Path data) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApplication.class).run("--spring.datasource.url=",
                "--ledger.embedded-postgres.data-directory=" + data, "--ledger.embedded-postgres.database=Not-A-Name",
                "--server.port=0", "--logging.level.root=OFF").close())
                .rootCause().hasMessageContaining("ledger.embedded-postgres.database must match")
                .hasMessageContaining("Not-A-Name");

        assertThat(ProcessHandle.allProcesses().filter(process -> process.info().arguments()
                .filter(arguments -> String.join(" ", arguments).contains(data.toString())).isPresent()))
                .as("a postgres server on " + data).isEmpty();
    }
}
