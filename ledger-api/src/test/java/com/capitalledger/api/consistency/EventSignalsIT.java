package com.capitalledger.api.consistency;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.projections.processing.NodeCensus;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node alone on its database tells nobody of its commits: no NOTIFY per command (TwoNodesIT shows two nodes
 * hearing each other).
 */
class EventSignalsIT extends IntegrationTest {

    @Autowired
    private NodeCensus census;

    @Autowired
    private DataSource dataSource;

    @Test
    void aNodeAloneSendsNoNotificationForItsCommits() throws Exception {
        await("the node has counted itself alone").atMost(Duration.ofSeconds(30)).until(census::alone);
        try (Connection listening = dataSource.getConnection()) {
            try (Statement listen = listening.createStatement()) {
                listen.execute("LISTEN " + EventSignals.CHANNEL);
            }
            HttpResponse<String> created = http().postJson("/api/v1/programs", """
                    {"programId":"SIGNALS","name":"Signals","currency":"USD","targetAmount":"1000.00",
                     "maxDebtPct":"90","effectiveDate":"2025-01-01"}""");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            List<PGNotification> heard = new ArrayList<>();
            PGConnection notifications = listening.unwrap(PGConnection.class);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
                PGNotification[] received = notifications.getNotifications(100);
                if (received != null) {
                    heard.addAll(List.of(received));
                }
                return heard.isEmpty();
            });
            assertThat(heard).isEmpty();
        }
    }
}
