package com.capitalledger.api.admin;

import com.capitalledger.api.admin.ReadModelStatus.State;
import com.capitalledger.projections.audit.AuditProjection;
import com.capitalledger.projections.calls.CallProjection;
import com.capitalledger.projections.debt.DebtProjection;
import com.capitalledger.projections.equity.EquityProjection;
import com.capitalledger.projections.program.ProgramProjection;
import com.capitalledger.projections.rebuild.BulkLoad;
import com.capitalledger.projections.rebuild.ReadModelFacts;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The read models by name, their processors' progress, and rebuilds. Until a rebuilt read model has caught up with
 * the stream's end as it was when the rebuild began, queries on it answer 503.
 */
@Component
public class ReadModels {

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

    /** Read-model name → processing group; the names are the API's. */
    public static final Map<String, String> GROUPS;

    static {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("programs", ProgramProjection.PROCESSING_GROUP);
        groups.put("investor-positions", EquityProjection.PROCESSING_GROUP);
        groups.put("capital-calls", CallProjection.PROCESSING_GROUP);
        groups.put("tranches", DebtProjection.PROCESSING_GROUP);
        groups.put("audit-trail", AuditProjection.PROCESSING_GROUP);
        GROUPS = Collections.unmodifiableMap(groups);
    }

    /** A rebuild's progress: events bulk-loaded so far, then, once handed over, the processor's own position. */
    private record Rebuild(Instant startedAt, long head, Instant finishedAt, AtomicLong loaded, boolean handedOver) {

        Rebuild finished(Instant at) {
            return new Rebuild(startedAt, head, at, loaded, handedOver);
        }

        Rebuild handOver() {
            return new Rebuild(startedAt, head, finishedAt, loaded, true);
        }
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Journal journal;
    private final BulkLoad bulkLoad;
    private final ReadModelFacts facts;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-bulk-load");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService progressLog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-progress");
        thread.setDaemon(true);
        return thread;
    });

    public ReadModels(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock, Journal journal,
                      BulkLoad bulkLoad, ReadModelFacts facts, TokenStore tokenStore,
                      PlatformTransactionManager transactionManager) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.journal = journal;
        this.bulkLoad = bulkLoad;
        this.facts = facts;
        this.tokenStore = tokenStore;
        this.transactions = new TransactionTemplate(transactionManager);
        progressLog.scheduleAtFixedRate(this::logProgress, 5, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopProgressLog() {
        progressLog.shutdownNow();
        loader.shutdownNow();
    }

    public boolean exists(String name) {
        return GROUPS.containsKey(name);
    }

    /**
     * Starts rebuilding the named read models and returns at once; progress shows in {@link #status(String)}. Their
     * processors stop and reset (their reset handlers empty their tables); the journal up to its current head is
     * then read once and bulk-loaded into all of them; each processor resumes from that head with the gaps the load
     * saw, so events committed meanwhile are still handled, once.
     */
    public synchronized List<ReadModelStatus> rebuild(List<String> names) {
        long head = head();
        Instant startedAt = clock.instant();
        AtomicLong loaded = new AtomicLong();
        names.forEach(name -> rebuilds.put(name, new Rebuild(startedAt, head, null, loaded, false)));
        log.info("Rebuilding read models {} from the event stream up to {}", names, head);
        for (String name : names) {
            StreamingEventProcessor processor = processor(name);
            processor.shutDown();
            processor.resetTokens();
        }
        loader.submit(() -> load(names, head, loaded));
        List<ReadModelStatus> statuses = new ArrayList<>();
        names.forEach(name -> statuses.add(status(name, head)));
        return statuses;
    }

    private void load(List<String> names, long head, AtomicLong loaded) {
        try {
            List<ReadModelFacts.TableFacts<?>> tables = facts.of(names);
            BulkLoad.Result result = journal.read(events -> bulkLoad.load(events, tables, head, loaded));
            // Freshly copied rows have no planner statistics and no visibility map yet; autovacuum would add them
            // later, competing with live queries just after the rebuild. VACUUM takes no bind parameter: the table
            // names are the read models' own constants.
            for (ReadModelFacts.TableFacts<?> table : tables) {
                try {
                    jdbc.execute("VACUUM (ANALYZE) " + table.table());
                } catch (DataAccessException e) {
                    log.warn("Could not VACUUM (ANALYZE) {} after its bulk load; autovacuum will: {}", table.table(),
                            e.getMessage());
                }
            }
            TrackingToken resumeAt = GapAwareTrackingToken.newInstance(head, result.gaps());
            for (String name : names) {
                String group = GROUPS.get(name);
                transactions.executeWithoutResult(status -> {
                    for (int segment : tokenStore.fetchSegments(group)) {
                        tokenStore.storeToken(resumeAt, group, segment);
                        tokenStore.releaseClaim(group, segment);
                    }
                });
                rebuilds.computeIfPresent(name, (key, rebuild) -> rebuild.handOver());
                processor(name).start();
            }
            log.info("Read models {} bulk-loaded: {} events up to {}", names, result.events(), head);
        } catch (RuntimeException e) {
            // The tables may be half loaded: replay them the ordinary way, through their processors.
            log.error("Bulk load of {} failed; replaying through the processors instead", names, e);
            for (String name : names) {
                StreamingEventProcessor processor = processor(name);
                processor.shutDown();
                processor.resetTokens();
                rebuilds.computeIfPresent(name, (key, rebuild) -> rebuild.handOver());
                processor.start();
            }
        }
    }

    public List<ReadModelStatus> status() {
        long head = head();
        List<ReadModelStatus> statuses = new ArrayList<>();
        GROUPS.keySet().forEach(name -> statuses.add(status(name, head)));
        return statuses;
    }

    public ReadModelStatus status(String name) {
        return status(name, head());
    }

    private ReadModelStatus status(String name, long head) {
        StreamingEventProcessor processor = processor(name);
        long position = position(processor);
        Rebuild rebuild = rebuilds.get(name);
        if (rebuild != null && rebuild.finishedAt() == null && rebuild.handedOver()
                && caughtUp(processor, position, rebuild.head())) {
            rebuild = rebuild.finished(clock.instant());
            rebuilds.put(name, rebuild);
            log.info("Read model {} rebuilt: {} events in {} ms", name, rebuild.head(),
                    Duration.between(rebuild.startedAt(), rebuild.finishedAt()).toMillis());
        }
        State state = rebuild != null && rebuild.finishedAt() == null ? State.REBUILDING
                : processor.isRunning() ? State.LIVE : State.STOPPED;
        if (rebuild == null) {
            return new ReadModelStatus(name, GROUPS.get(name), state, position, head, null, null, null, null, null);
        }
        Instant until = rebuild.finishedAt() == null ? clock.instant() : rebuild.finishedAt();
        long millis = Math.max(1, Duration.between(rebuild.startedAt(), until).toMillis());
        long done = rebuild.handedOver() ? Math.min(position, rebuild.head()) : rebuild.loaded().get();
        long rate = done * 1000 / millis;
        Long eta = 0L;
        if (state == State.REBUILDING) {
            eta = rate == 0 ? null : (rebuild.head() - done) / rate;
        }
        return new ReadModelStatus(name, GROUPS.get(name), state, position, head, done, rate, eta,
                rebuild.startedAt(), rebuild.finishedAt());
    }

    /** @throws ReadModelUnavailable if any of the named read models is being rebuilt */
    public void requireAvailable(String... names) {
        for (String name : names) {
            Rebuild rebuild = rebuilds.get(name);
            if (rebuild != null && rebuild.finishedAt() == null) {
                ReadModelStatus status = status(name);
                if (status.rebuildFinishedAt() == null) {
                    long eta = status.etaSeconds() == null ? 5 : status.etaSeconds();
                    throw new ReadModelUnavailable(name, Math.max(1, Math.min(eta + 1, 300)));
                }
            }
        }
    }

    private boolean caughtUp(StreamingEventProcessor processor, long position, long head) {
        return processor.isRunning() && !processor.isReplaying() && position >= head;
    }

    private void logProgress() {
        try {
            rebuilds.forEach((name, rebuild) -> {
                if (rebuild.finishedAt() == null) {
                    ReadModelStatus status = status(name);
                    if (status.state() == State.REBUILDING) {
                        log.info("Rebuilding read model {}: {} of {} events, {} events/s, about {} s left", name,
                                status.eventsDone(), rebuild.head(), status.eventsPerSecond(), status.etaSeconds());
                    }
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not report rebuild progress", e);
        }
    }

    private StreamingEventProcessor processor(String name) {
        String group = GROUPS.get(name);
        if (group == null) {
            throw new IllegalArgumentException("unknown read model " + name);
        }
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor for " + group));
    }

    /** The lowest position any segment has reached: every event up to it has been handled. */
    private static long position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return 0;
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : segments.values()) {
            OptionalLong current = status.getCurrentPosition();
            lowest = Math.min(lowest, current.orElse(0));
        }
        return lowest;
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
