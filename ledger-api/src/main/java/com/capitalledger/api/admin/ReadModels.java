package com.capitalledger.api.admin;

import com.capitalledger.api.admin.ReadModelStatus.State;
import com.capitalledger.projections.audit.AuditProjection;
import com.capitalledger.projections.calls.CallProjection;
import com.capitalledger.projections.debt.DebtProjection;
import com.capitalledger.projections.equity.EquityProjection;
import com.capitalledger.projections.program.ProgramProjection;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The read models by name, their processors' progress, and rebuilds: a rebuild stops a read model's processor,
 * resets its tokens (its reset handler empties its tables) and replays the whole event stream into it. Until it has
 * caught up with the stream's end as it was when the rebuild began, queries on it answer 503.
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

    private record Rebuild(Instant startedAt, long head, Instant finishedAt) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService progressLog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-progress");
        thread.setDaemon(true);
        return thread;
    });

    public ReadModels(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
        progressLog.scheduleAtFixedRate(this::logProgress, 5, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopProgressLog() {
        progressLog.shutdownNow();
    }

    public boolean exists(String name) {
        return GROUPS.containsKey(name);
    }

    /** Starts rebuilding the named read model and returns at once; progress shows in {@link #status(String)}. */
    public synchronized ReadModelStatus rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        long head = head();
        log.info("Rebuilding read model {} from the start of the event stream up to {}", name, head);
        rebuilds.put(name, new Rebuild(clock.instant(), head, null));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status(name);
    }

    public List<ReadModelStatus> status() {
        List<ReadModelStatus> statuses = new ArrayList<>();
        GROUPS.keySet().forEach(name -> statuses.add(status(name)));
        return statuses;
    }

    public ReadModelStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        long head = head();
        long position = position(processor);
        Rebuild rebuild = rebuilds.get(name);
        if (rebuild != null && rebuild.finishedAt() == null && caughtUp(processor, position, rebuild.head())) {
            rebuild = new Rebuild(rebuild.startedAt(), rebuild.head(), clock.instant());
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
        long done = Math.min(position, rebuild.head());
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
