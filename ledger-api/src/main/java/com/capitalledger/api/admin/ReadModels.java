package com.capitalledger.api.admin;

import com.capitalledger.api.admin.ReadModelStatus.State;
import com.capitalledger.api.config.LedgerNode;
import com.capitalledger.api.consistency.LedgerPositions;
import com.capitalledger.api.consistency.ReadModelBehind;
import com.capitalledger.api.consistency.ReadModelPositions;
import com.capitalledger.api.consistency.UnknownPosition;
import com.capitalledger.api.web.Conflict;
import com.capitalledger.api.web.DatabaseFailures;
import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.projections.rebuild.BulkLoad;
import com.capitalledger.projections.ReadModel;
import com.capitalledger.projections.TableFacts;
import com.capitalledger.projections.rebuild.ReadModelFacts;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The read models by name, their processors' progress, and rebuilds, as every node on the database sees them alike:
 * positions and claims come from the shared token store, rebuilds from the shared {@code read_model_rebuild} table.
 * Until a rebuilt read model has caught up with the stream's end as it was when the rebuild began, queries on it
 * answer 503, on every node; the other nodes pause their own processors for it meanwhile, and resume them once the
 * rebuilding node hands over. A rebuild whose node goes quiet is started again by another.
 */
@Component
public class ReadModels {

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);
    /** A rebuilding node refreshes its heartbeat every second; after this long without one, its rebuild is taken over. */
    private static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);

    /** The read models' names, as the API and the rebuild table know them. */
    public static final List<String> NAMES = Arrays.stream(ReadModel.values()).map(ReadModel::id).toList();
    /** The query parameter, and the header, with which a query asks to read at a ledger position or later. */
    public static final String MIN_POSITION = "minPosition";
    public static final String MIN_POSITION_HEADER = "Ledger-Min-Position";
    private static final Pattern POSITION = Pattern.compile("[0-9]{1,18}");

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final EventStoreReader events;
    private final BulkLoad bulkLoad;
    private final ReadModelFacts facts;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;
    private final ProcessorTokens tokens;
    private final Rebuilds rebuilds;
    private final LedgerNode node;
    private final ReadModelPositions positions;
    /** Segments per read-model processor, which several nodes share. */
    private final int segments;
    /** The loads this node runs, with their progress counters. */
    private final Map<String, AtomicLong> loading = new ConcurrentHashMap<>();
    /** Processors this node paused because another node rebuilds their read model. */
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-bulk-load");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuilds");
        thread.setDaemon(true);
        return thread;
    });

    public ReadModels(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock, EventStoreReader events,
                      BulkLoad bulkLoad, ReadModelFacts facts, TokenStore tokenStore,
                      PlatformTransactionManager transactionManager, ProcessorTokens tokens, Rebuilds rebuilds,
                      LedgerNode node, ReadModelPositions positions,
                      @Value("${ledger.read-models.segments}") int segments) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.bulkLoad = bulkLoad;
        this.facts = facts;
        this.tokenStore = tokenStore;
        this.transactions = new TransactionTemplate(transactionManager);
        this.tokens = tokens;
        this.rebuilds = rebuilds;
        this.node = node;
        this.positions = positions;
        this.segments = segments;
        watch.scheduleWithFixedDelay(this::watchRebuilds, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        watch.shutdownNow();
        loader.shutdownNow();
    }

    public boolean exists(String name) {
        return ReadModel.named(name).isPresent();
    }

    private static ReadModel model(String name) {
        return ReadModel.named(name).orElseThrow(() -> new IllegalArgumentException("unknown read model " + name));
    }

    private static String group(String name) {
        return model(name).processingGroup();
    }

    /**
     * Starts rebuilding the named read models and returns at once; progress shows in {@link #status(String)} on every
     * node. The rebuild is recorded first, so every other node pauses its processors for them; once none holds a
     * claim on them any more, their processors are reset (their reset handlers empty their tables), the event store up to
     * its current head is read once and bulk-loaded into all of them, and each processor resumes from that head with
     * the gaps the load saw, so events committed meanwhile are still handled, once.
     */
    public synchronized List<ReadModelStatus> rebuild(List<String> names) {
        long head = head();
        Instant startedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AtomicLong loaded = new AtomicLong();
        List<String> busy = names.stream().filter(name -> rebuilds.of(name).filter(Rebuilds.Rebuild::inProgress)
                .filter(rebuild -> !rebuild.handedOver() && !abandoned(rebuild)).isPresent()).toList();
        if (!busy.isEmpty()) {
            throw new Conflict("REBUILD_IN_PROGRESS", "read models " + busy + " are being rebuilt already; follow "
                    + "their progress on GET /api/v1/admin/read-models");
        }
        for (String name : names) {
            if (!rebuilds.start(name, node.id(), startedAt, head, startedAt.minus(ABANDONED_AFTER))) {
                throw new Conflict("REBUILD_IN_PROGRESS", "read model " + name + " is being rebuilt already");
            }
            loading.put(name, loaded);
            processor(name).shutDown();
        }
        log.info("Rebuilding read models {} from the event stream up to {}", names, head);
        loader.submit(() -> load(names, head, loaded));
        List<ReadModelStatus> statuses = new ArrayList<>();
        names.forEach(name -> statuses.add(status(name, head)));
        return statuses;
    }

    private void load(List<String> names, long head, AtomicLong loaded) {
        try {
            awaitNoOtherClaims(names);
            for (String name : names) {
                processor(name).resetTokens();
                // The rebuild reads every event again: an event that still fails is parked again, once.
                deadLetters(name).ifPresent(SequencedDeadLetterQueue::clear);
            }
            List<TableFacts<?>> tables = facts.of(names.stream().map(ReadModels::model).toList());
            BulkLoad.Result result = events.read(events -> bulkLoad.load(events, tables, head, loaded));
            // Freshly copied rows have no planner statistics and no visibility map yet; autovacuum would add them
            // later, competing with live queries just after the rebuild. VACUUM takes no bind parameter: the table
            // names are the read models' own constants.
            for (TableFacts<?> table : tables) {
                try {
                    jdbc.execute("VACUUM (ANALYZE) " + table.table());
                } catch (DataAccessException e) {
                    log.warn("Could not VACUUM (ANALYZE) {} after its bulk load; autovacuum will: {}", table.table(),
                            e.getMessage());
                }
            }
            TrackingToken resumeAt = GapAwareTrackingToken.newInstance(head, result.gaps());
            for (String name : names) {
                String group = group(name);
                // The processor resumes at the head in as many segments as configured now (a ledger started with
                // fewer takes the configured count at its next rebuild).
                transactions.executeWithoutResult(status -> {
                    jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", group);
                    tokenStore.initializeTokenSegments(group, segments, resumeAt);
                });
                handOver(name, loaded);
            }
            log.info("Read models {} bulk-loaded: {} events up to {}", names, result.events(), head);
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // The tables may be half loaded: replay them the ordinary way, through their processors.
            log.error("Bulk load of {} failed; replaying through the processors instead", names, e);
            for (String name : names) {
                StreamingEventProcessor processor = processor(name);
                processor.shutDown();
                processor.resetTokens();
                deadLetters(name).ifPresent(SequencedDeadLetterQueue::clear);
                handOver(name, loaded);
            }
        }
    }

    private void handOver(String name, AtomicLong loaded) {
        rebuilds.handedOver(name, node.id(), loaded.get(), clock.instant());
        loading.remove(name);
        processor(name).start();
    }

    /** Waits until no other node holds a current claim on the read models' segments (they pause on seeing the rebuild). */
    private void awaitNoOtherClaims(List<String> names) throws InterruptedException {
        Instant deadline = clock.instant().plus(ABANDONED_AFTER);
        while (names.stream().anyMatch(name -> tokens.of(group(name)).stream()
                .anyMatch(segment -> segment.claimed() && !node.id().equals(segment.owner())))) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("other nodes still hold claims on " + names + " after "
                        + ABANDONED_AFTER.toSeconds() + " s");
            }
            reportProgress();
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    public List<ReadModelStatus> status() {
        long head = head();
        List<ReadModelStatus> statuses = new ArrayList<>();
        NAMES.forEach(name -> statuses.add(status(name, head)));
        return statuses;
    }

    public ReadModelStatus status(String name) {
        return status(name, head());
    }

    private ReadModelStatus status(String name, long head) {
        List<ProcessorTokens.Segment> segments = tokens.of(group(name));
        long position = segments.stream().mapToLong(ProcessorTokens.Segment::position).min().orElse(0);
        boolean allClaimed = !segments.isEmpty() && segments.stream().allMatch(ProcessorTokens.Segment::claimed);
        Rebuilds.Rebuild rebuild = rebuilds.of(name).orElse(null);
        if (rebuild != null && rebuild.inProgress() && rebuild.handedOver() && allClaimed && position >= rebuild.head()) {
            Instant finishedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            rebuilds.finished(name, rebuild.startedAt(), finishedAt);
            log.info("Read model {} rebuilt: {} events in {} ms", name, rebuild.head(),
                    Duration.between(rebuild.startedAt(), finishedAt).toMillis());
            rebuild = rebuilds.of(name).orElse(rebuild);
        }
        State state = rebuild != null && rebuild.inProgress() ? State.REBUILDING : allClaimed ? State.LIVE : State.STOPPED;
        List<ReadModelStatus.SegmentStatus> claims = segments.stream()
                .map(s -> new ReadModelStatus.SegmentStatus(s.segment(), s.position(), s.claimed() ? s.owner() : null))
                .toList();
        if (rebuild == null) {
            return new ReadModelStatus(name, group(name), state, position, head, claims, parked(name), null, null,
                    null, null, null, null);
        }
        Instant until = rebuild.inProgress() ? clock.instant() : rebuild.finishedAt();
        long millis = Math.max(1, Duration.between(rebuild.startedAt(), until).toMillis());
        long done = rebuild.handedOver() ? Math.min(position, rebuild.head()) : rebuild.loaded();
        long rate = done * 1000 / millis;
        Long eta = 0L;
        if (state == State.REBUILDING) {
            eta = rate == 0 ? null : (rebuild.head() - done) / rate;
        }
        return new ReadModelStatus(name, group(name), state, position, head, claims, parked(name), rebuild.node(),
                done, rate, eta, rebuild.startedAt(), rebuild.finishedAt());
    }

    /** The events the read model's processor parked in its dead-letter queue (the queue is a table: every node agrees). */
    private long parked(String name) {
        return deadLetters(name).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetters(String name) {
        return processing.deadLetterQueue(group(name));
    }

    /**
     * Checks that the named read models can answer the current request: none is being rebuilt, and, when the request
     * asks for a ledger position ({@code minPosition=} or {@code Ledger-Min-Position}), every one has applied it
     * (waiting up to the consistency timeout).
     *
     * @throws ReadModelUnavailable if any of them is being rebuilt, on whichever node
     * @throws ReadModelBehind      if one has not applied the requested position in time
     * @throws InvalidParameter     if the requested position is malformed or no event has it
     */
    public void requireAvailable(ReadModel... models) {
        requireNotRebuilding(Arrays.stream(models).map(ReadModel::id).toArray(String[]::new));
        Long minPosition = requestedPosition();
        if (minPosition != null) {
            try {
                positions.await(minPosition, Arrays.stream(models).map(ReadModel::processingGroup).toList());
            } catch (UnknownPosition unknown) {
                throw new InvalidParameter(MIN_POSITION, unknown.getMessage());
            }
        }
    }

    /** The position the current request asks to read at, if it asks for one. */
    private static Long requestedPosition() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        Long parameter = position(MIN_POSITION, request.getParameter(MIN_POSITION));
        Long header = position(MIN_POSITION_HEADER, request.getHeader(MIN_POSITION_HEADER));
        if (parameter != null && header != null && !parameter.equals(header)) {
            throw new InvalidParameter(MIN_POSITION, "and " + MIN_POSITION_HEADER + " ask for different positions ("
                    + parameter + " and " + header + "); send one");
        }
        return parameter != null ? parameter : header;
    }

    private static Long position(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!POSITION.matcher(value).matches()) {
            throw new InvalidParameter(name, "must be a ledger position (a whole number from 0, as a command's "
                    + LedgerPositions.HEADER + "), not '" + (value.length() > 40 ? value.substring(0, 40) + "..."
                    : value) + "'");
        }
        return Long.parseLong(value);
    }

    private void requireNotRebuilding(String... names) {
        for (String name : names) {
            Rebuilds.Rebuild rebuild = rebuilds.of(name).orElse(null);
            if (rebuild != null && rebuild.inProgress()) {
                ReadModelStatus status = status(name);
                if (status.rebuildFinishedAt() == null) {
                    long eta = status.etaSeconds() == null ? 5 : status.etaSeconds();
                    throw new ReadModelUnavailable(name, Math.max(1, Math.min(eta + 1, 300)));
                }
            }
        }
    }

    /**
     * Every second, on every node: reports the progress of this node's loads, pauses this node's processors while
     * another node rebuilds their read model and resumes them once it has handed over, and takes over a rebuild whose
     * node went quiet.
     */
    private void watchRebuilds() {
        try {
            reportProgress();
            Map<String, Rebuilds.Rebuild> current = new LinkedHashMap<>();
            rebuilds.inProgress().forEach(rebuild -> current.put(rebuild.readModel(), rebuild));
            for (String name : NAMES) {
                Rebuilds.Rebuild rebuild = current.get(name);
                boolean elsewhere = rebuild != null && !node.id().equals(rebuild.node());
                if (elsewhere && !rebuild.handedOver() && paused.add(name)) {
                    log.info("Pausing read model {}: node {} is rebuilding it", name, rebuild.node());
                    processor(name).shutDown();
                } else if (!(elsewhere && !rebuild.handedOver()) && paused.remove(name)) {
                    log.info("Resuming read model {}", name);
                    processor(name).start();
                }
                if (rebuild != null && rebuild.handedOver()) {
                    status(name);
                } else if (elsewhere && abandoned(rebuild)) {
                    log.warn("Node {} went quiet while rebuilding read model {}; rebuilding it here", rebuild.node(),
                            name);
                    paused.remove(name);
                    rebuild(List.of(name));
                }
            }
        } catch (RuntimeException e) {
            if (DatabaseFailures.unavailable(e)) {
                log.debug("Could not follow read-model rebuilds: the database cannot be reached");
            } else {
                log.warn("Could not follow read-model rebuilds: {}", e.toString());
            }
        }
    }

    private boolean abandoned(Rebuilds.Rebuild rebuild) {
        return rebuild.heartbeat().plus(ABANDONED_AFTER).isBefore(clock.instant());
    }

    private void reportProgress() {
        Instant now = clock.instant();
        loading.forEach((name, loaded) -> {
            rebuilds.progress(name, node.id(), loaded.get(), now);
            ReadModelStatus status = status(name);
            if (status.state() == State.REBUILDING) {
                log.info("Rebuilding read model {}: {} of {} events, {} events/s, about {} s left", name,
                        status.eventsDone(), status.head(), status.eventsPerSecond(), status.etaSeconds());
            }
        });
    }

    private StreamingEventProcessor processor(String name) {
        String group = group(name);
        if (group == null) {
            throw new IllegalArgumentException("unknown read model " + name);
        }
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor for " + group));
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
