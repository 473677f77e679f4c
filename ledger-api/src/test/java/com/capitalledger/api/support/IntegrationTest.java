package com.capitalledger.api.support;

import com.capitalledger.api.LedgerApplication;
import com.capitalledger.api.admin.ReadModelStatus;
import com.capitalledger.api.admin.ReadModels;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Base of tests that run the whole service over real HTTP on a real PostgreSQL (see {@link TestDatabase}). Test classes
 * share one service unless they need a ledger of their own: they name it ({@code ledger.test.context=...}), and a class
 * whose ledger no other class shares closes it after itself ({@code @DirtiesContext}), so that finished services do not
 * run on beside the next tests.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.configure(registry);
        TestUsers.configure(registry);
    }

    @Autowired
    protected ReadModels readModels;

    /** A client signed in as the treasury system, which posts commands and reads positions. */
    protected HttpClientSupport http() {
        return http(TestUsers.TREASURY);
    }

    protected HttpClientSupport http(TestUsers user) {
        return new HttpClientSupport("http://localhost:" + port, user.basic());
    }

    protected HttpClientSupport anonymous() {
        return new HttpClientSupport("http://localhost:" + port);
    }

    /**
     * Waits until every read model has handled every stored event.
     * <p>
     * A segment stores its token past events of other segments only when it next handles one of its own or extends its
     * claim, every few seconds; so a segment whose stored token is behind the stream's end has caught up when none of
     * the events after its token is its own (Axon's sequencing per aggregate, as {@code ReadModelProgress} decides).
     * Waiting for every stored token to reach the end instead waited those seconds after each test's commands.
     *
     * @throws org.awaitility.core.ConditionTimeoutException naming the last status if they have not within 30 s
     */
    protected void awaitReadModels() {
        Awaitility.await("read models caught up").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(readModels::status, this::caughtUp);
    }

    /**
     * Waits until every read model reports the stream's end as its position, which takes up to a few seconds longer
     * than {@link #awaitReadModels()}: for tests of what the status reports.
     */
    protected void awaitReadModelStatusesAtHead() {
        Awaitility.await("read model statuses at the head").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(readModels::status, statuses -> statuses.stream().allMatch(s -> s.position() >= s.head()
                        && s.state() == ReadModelStatus.State.LIVE));
    }

    private boolean caughtUp(List<ReadModelStatus> statuses) {
        for (ReadModelStatus status : statuses) {
            if (status.state() != ReadModelStatus.State.LIVE) {
                return false;
            }
            int[] ids = status.segments().stream().mapToInt(ReadModelStatus.SegmentStatus::segment).toArray();
            for (ReadModelStatus.SegmentStatus segment : status.segments()) {
                if (segment.position() < status.head() && ownEventAfter(Segment.computeSegment(segment.segment(), ids),
                        segment.position(), status.head())) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean ownEventAfter(Segment segment, long position, long head) {
        return jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE global_index > ? "
                        + "AND global_index <= ?", String.class, position, head).stream()
                .anyMatch(aggregate -> segment.matches(Objects.hashCode(aggregate)));
    }
}
