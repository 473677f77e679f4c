package com.capitalledger.projections.processing;

import com.capitalledger.projections.readmodel.ReadModel;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Shares each read model's segments among the live nodes. Axon's pooled processors claim every free segment they find,
 * so the node that starts first would keep them all. Each node beats in {@code ledger_node}; one that holds more
 * segments of a processor than its fair share ({@code ceil(segments / live nodes)}) releases one, which another node's
 * processor claims at its next claim attempt. A node that dies stops beating and its claims time out: the others take
 * its segments. A single node keeps every segment.
 */
@Component
class ClaimBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClaimBalancer.class);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final LedgerNode node;
    private final Clock clock;
    private final Duration interval;
    private final ProcessorTokens tokens;
    private final NodeCensus census;
    private ScheduledExecutorService schedule;
    /** Whether the last beat failed for want of the database. */
    private volatile boolean databaseWasAway;

    ClaimBalancer(JdbcTemplate jdbc, EventProcessingConfiguration processing, LedgerNode node, Clock clock,
                  ProcessorTokens tokens, NodeCensus census,
                  @Value("${ledger.read-models.balance-interval:5s}") Duration interval) {
        this.tokens = tokens;
        this.census = census;
        this.jdbc = jdbc;
        this.processing = processing;
        this.node = node;
        this.clock = clock;
        this.interval = interval;
    }

    /** Nodes whose heartbeat is younger than three intervals. */
    int liveNodes() {
        Instant since = clock.instant().minus(interval.multipliedBy(3));
        Integer live = jdbc.queryForObject("SELECT count(*) FROM ledger_node WHERE heartbeat > ?", Integer.class,
                Timestamp.from(since));
        return Math.max(1, live == null ? 1 : live);
    }

    void balance() {
        try {
            Instant now = clock.instant();
            jdbc.update("INSERT INTO ledger_node (node, heartbeat) VALUES (?, ?) ON CONFLICT (node) DO UPDATE "
                    + "SET heartbeat = EXCLUDED.heartbeat", node.id(), Timestamp.from(now));
            if (databaseWasAway) {
                databaseWasAway = false;
                resumeAfterOutage();
            }
            int nodes = liveNodes();
            census.counted(nodes);
            // Every read model's segments in one read of the shared token store.
            Map<String, Long> segments = tokens.of(ReadModel.IDS).stream().collect(Collectors.groupingBy(
                    ProcessorTokens.Segment::processingGroup, Collectors.counting()));
            for (ReadModel model : ReadModel.values()) {
                String group = model.processingGroup();
                processing.eventProcessor(group, StreamingEventProcessor.class).ifPresent(processor ->
                        releaseAboveShare(group, processor, segments.getOrDefault(group, 0L), nodes));
            }
        } catch (DataAccessException e) {
            // The database is away: the processors are failing too; balancing resumes with it.
            databaseWasAway = true;
            log.debug("Could not balance segment claims: {}", e.getMessage());
        }
    }

    /**
     * After an outage, Axon's processors retry on their own, but only after error back-offs that double with every
     * failed attempt, up to 60 s: the processor's own (while {@code isError()}), and one per segment whose work failed,
     * which lasts after the processor itself has recovered. Read models would lag for a minute or two after the
     * database is back. So once this node can write again, a processor still in error is restarted (which starts it
     * afresh), and every segment that no other node claims and that this node is not working is made claimable at
     * once, ending its back-off.
     */
    private void resumeAfterOutage() {
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            if (!processor.isRunning()) {
                continue;
            }
            if (processor.isError()) {
                log.info("The database is back: restarting processor {}, which was waiting out its error back-off",
                        processor.getName());
                processor.shutDown();
                processor.start();
            }
            Set<Integer> working = processor.processingStatus().keySet();
            tokens.of(processor.getName()).stream()
                    .filter(segment -> !working.contains(segment.segment()))
                    .filter(segment -> !segment.claimed() || node.id().equals(segment.owner()))
                    .forEach(segment -> processor.releaseSegment(segment.segment(), 0, TimeUnit.SECONDS));
        }
    }

    private static void releaseAboveShare(String group, StreamingEventProcessor processor, long segments, int nodes) {
        Map<Integer, ?> held = processor.processingStatus();
        if (held.isEmpty() || !processor.isRunning()) {
            return;
        }
        long share = (segments + nodes - 1) / nodes;
        if (held.size() > share) {
            int released = held.keySet().iterator().next();
            log.info("Releasing segment {} of {} for another node ({} held, fair share {} of {} segments on {} nodes)",
                    released, group, held.size(), share, segments, nodes);
            processor.releaseSegment(released);
        }
    }

    @Override
    public void start() {
        try {
            jdbc.update("DELETE FROM ledger_node WHERE heartbeat < ?",
                    Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
        } catch (DataAccessException e) {
            log.debug("Could not remove nodes gone for a day: {}", e.getMessage());
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "claim-balancer");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::balance, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        schedule.shutdownNow();
        try {
            jdbc.update("DELETE FROM ledger_node WHERE node = ?", node.id());
        } catch (DataAccessException e) {
            log.debug("Could not sign off node {}: {}", node.id(), e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null && !schedule.isShutdown();
    }
}
