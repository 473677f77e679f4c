package com.capitalledger.projections.rebuild;

import com.capitalledger.projections.eventstore.EventStoreReader;
import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.projections.readmodel.ReadModelRegistry;
import com.capitalledger.projections.readmodel.TableDerivation;
import com.capitalledger.projections.processing.LedgerNode;
import com.capitalledger.projections.processing.ProcessorTokens;
import com.capitalledger.projections.support.DatabaseFailures;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rebuilds read models from the event store, as every node on the database sees them alike: the rebuilds are rows of
 * the shared {@code read_model_rebuild} table, the claims those of the shared token store. While a node rebuilds a read
 * model, the other nodes pause their processors for it, and resume them once the rebuilding node hands over; a rebuild
 * whose node goes quiet is started again by another.
 */
@Component
public class ReadModelRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    /** A rebuilding node refreshes its heartbeat every second; after this long without one, its rebuild is taken over. */
    public static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);

    /** Thrown when a read model asked to be rebuilt is being rebuilt already, by a node that is still alive. */
    public static final class RebuildInProgress extends RuntimeException {

        public RebuildInProgress(List<ReadModel> models) {
            super("read models " + models + " are being rebuilt already");
        }
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final EventStoreReader events;
    private final BulkLoad bulkLoad;
    private final ReadModelRegistry facts;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;
    private final ProcessorTokens tokens;
    private final Rebuilds rebuilds;
    private final LedgerNode node;
    /** Segments per read-model processor, which several nodes share. */
    private final int segments;
    /** The loads this node runs, with their progress counters. */
    private final Map<ReadModel, AtomicLong> loading = new ConcurrentHashMap<>();
    /** Processors this node paused because another node rebuilds their read model. */
    private final Set<ReadModel> paused = ConcurrentHashMap.newKeySet();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(daemon("read-model-bulk-load"));
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
            daemon("read-model-rebuilds"));

    public ReadModelRebuilds(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock,
                             EventStoreReader events, BulkLoad bulkLoad, ReadModelRegistry facts, TokenStore tokenStore,
                             PlatformTransactionManager transactionManager, ProcessorTokens tokens, Rebuilds rebuilds,
                             LedgerNode node, @Value("${ledger.read-models.segments}") int segments) {
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
        this.segments = segments;
        watch.scheduleWithFixedDelay(this::watchRebuilds, 1, 1, TimeUnit.SECONDS);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void destroy() {
        watch.shutdownNow();
        loader.shutdownNow();
    }

    /**
     * Starts rebuilding the read models and returns at once. The rebuild is recorded first, so every other node pauses
     * its processors for them; once none holds a claim on them any more, their processors are reset (their reset
     * handlers empty their tables), the event store up to its current head is read once and bulk-loaded into all of
     * them, and each processor resumes from that head with the gaps the load saw, so events committed meanwhile are
     * still handled, once.
     *
     * @return the head of the event stream the rebuild reads up to
     * @throws RebuildInProgress if a live node is rebuilding any of them already
     */
    public synchronized long start(List<ReadModel> models) {
        long head = head();
        Instant startedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<ReadModel> busy = models.stream().filter(model -> rebuilds.of(model.id())
                .filter(Rebuilds.Rebuild::inProgress)
                .filter(rebuild -> !rebuild.handedOver() && !abandoned(rebuild)).isPresent()).toList();
        if (!busy.isEmpty()) {
            throw new RebuildInProgress(busy);
        }
        AtomicLong loaded = new AtomicLong();
        for (ReadModel model : models) {
            if (!rebuilds.start(model.id(), node.id(), startedAt, head, startedAt.minus(ABANDONED_AFTER))) {
                throw new RebuildInProgress(List.of(model));
            }
            loading.put(model, loaded);
            processor(model).shutDown();
        }
        log.info("Rebuilding read models {} from the event stream up to {}", models, head);
        loader.submit(() -> load(models, head, loaded));
        return head;
    }

    /**
     * The read model's latest rebuild, if it was ever rebuilt; one that has handed over and whose processor has caught
     * up with the rebuild's head, in every segment ({@code segments}, as the token store holds them), is marked
     * finished first.
     */
    public Optional<Rebuilds.Rebuild> latest(ReadModel model, List<ProcessorTokens.Segment> segments) {
        Rebuilds.Rebuild rebuild = rebuilds.of(model.id()).orElse(null);
        if (rebuild == null || !rebuild.inProgress() || !rebuild.handedOver() || segments.isEmpty()
                || !segments.stream().allMatch(segment -> segment.claimed() && segment.position() >= rebuild.head())) {
            return Optional.ofNullable(rebuild);
        }
        Instant finishedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        rebuilds.finished(model.id(), rebuild.startedAt(), finishedAt);
        log.info("Read model {} rebuilt: {} events in {} ms", model, rebuild.head(),
                Duration.between(rebuild.startedAt(), finishedAt).toMillis());
        return rebuilds.of(model.id());
    }

    /** Whether the read model is being rebuilt (or has been handed over and is still catching up). */
    public boolean inProgress(ReadModel model) {
        return rebuilds.of(model.id()).filter(Rebuilds.Rebuild::inProgress).isPresent();
    }

    /** The global index of the newest stored event (0 before the first). */
    public long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The events the read model's processor parked in its dead-letter queue (the queue is a table: every node agrees). */
    public long parked(ReadModel model) {
        return deadLetters(model).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    private void load(List<ReadModel> models, long head, AtomicLong loaded) {
        try {
            awaitNoOtherClaims(models);
            for (ReadModel model : models) {
                processor(model).resetTokens();
                // The rebuild reads every event again: an event that still fails is parked again, once.
                deadLetters(model).ifPresent(SequencedDeadLetterQueue::clear);
            }
            List<TableDerivation<?>> tables = facts.of(models);
            BulkLoad.Result result = events.read(stream -> bulkLoad.load(stream, tables, head, loaded));
            // Freshly copied rows have no planner statistics and no visibility map yet; autovacuum would add them
            // later, competing with live queries just after the rebuild. VACUUM takes no bind parameter: the table
            // names are the read models' own constants.
            for (TableDerivation<?> table : tables) {
                try {
                    jdbc.execute("VACUUM (ANALYZE) " + table.table());
                } catch (DataAccessException e) {
                    log.warn("Could not VACUUM (ANALYZE) {} after its bulk load; autovacuum will: {}", table.table(),
                            e.getMessage());
                }
            }
            TrackingToken resumeAt = GapAwareTrackingToken.newInstance(head, result.gaps());
            for (ReadModel model : models) {
                // The processor resumes at the head in as many segments as configured now (a ledger started with
                // fewer takes the configured count at its next rebuild).
                transactions.executeWithoutResult(status -> {
                    jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", model.processingGroup());
                    tokenStore.initializeTokenSegments(model.processingGroup(), segments, resumeAt);
                });
                handOver(model, loaded);
            }
            log.info("Read models {} bulk-loaded: {} events up to {}", models, result.events(), head);
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // The tables may be half loaded: replay them the ordinary way, through their processors.
            log.error("Bulk load of {} failed; replaying through the processors instead", models, e);
            for (ReadModel model : models) {
                StreamingEventProcessor processor = processor(model);
                processor.shutDown();
                processor.resetTokens();
                deadLetters(model).ifPresent(SequencedDeadLetterQueue::clear);
                handOver(model, loaded);
            }
        }
    }

    private void handOver(ReadModel model, AtomicLong loaded) {
        rebuilds.handedOver(model.id(), node.id(), loaded.get(), clock.instant());
        loading.remove(model);
        processor(model).start();
    }

    /** Waits until no other node holds a current claim on the read models' segments (they pause on seeing the rebuild). */
    private void awaitNoOtherClaims(List<ReadModel> models) throws InterruptedException {
        Instant deadline = clock.instant().plus(ABANDONED_AFTER);
        while (models.stream().anyMatch(model -> tokens.of(model.processingGroup()).stream()
                .anyMatch(segment -> segment.claimed() && !node.id().equals(segment.owner())))) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("other nodes still hold claims on " + models + " after "
                        + ABANDONED_AFTER.toSeconds() + " s");
            }
            reportProgress();
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /**
     * Every second, on every node: reports the progress of this node's loads, pauses this node's processors while
     * another node rebuilds their read model and resumes them once it has handed over, marks finished the rebuilds
     * that have caught up, and takes over a rebuild whose node went quiet.
     */
    private void watchRebuilds() {
        try {
            reportProgress();
            Map<String, Rebuilds.Rebuild> current = rebuilds.inProgress().stream()
                    .collect(Collectors.toMap(Rebuilds.Rebuild::readModel, Function.identity()));
            for (ReadModel model : ReadModel.values()) {
                Rebuilds.Rebuild rebuild = current.get(model.id());
                boolean elsewhere = rebuild != null && !node.id().equals(rebuild.node());
                if (elsewhere && !rebuild.handedOver() && paused.add(model)) {
                    log.info("Pausing read model {}: node {} is rebuilding it", model, rebuild.node());
                    processor(model).shutDown();
                } else if (!(elsewhere && !rebuild.handedOver()) && paused.remove(model)) {
                    log.info("Resuming read model {}", model);
                    processor(model).start();
                }
                if (rebuild != null && rebuild.handedOver()) {
                    latest(model, tokens.of(model.processingGroup()));
                } else if (elsewhere && abandoned(rebuild)) {
                    log.warn("Node {} went quiet while rebuilding read model {}; rebuilding it here", rebuild.node(),
                            model);
                    paused.remove(model);
                    start(List.of(model));
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

    /** Whether the rebuild's node has not beaten for {@link #ABANDONED_AFTER}. */
    public boolean abandoned(Rebuilds.Rebuild rebuild) {
        return rebuild.heartbeat().plus(ABANDONED_AFTER).isBefore(clock.instant());
    }

    private void reportProgress() {
        Instant now = clock.instant();
        loading.forEach((model, loaded) -> {
            rebuilds.progress(model.id(), node.id(), loaded.get(), now);
            rebuilds.of(model.id()).filter(rebuild -> !rebuild.handedOver()).ifPresent(rebuild -> {
                long millis = Math.max(1, Duration.between(rebuild.startedAt(), now).toMillis());
                long rate = loaded.get() * 1000 / millis;
                log.info("Rebuilding read model {}: {} of {} events, {} events/s, about {} s left", model,
                        loaded.get(), rebuild.head(), rate,
                        rate == 0 ? "?" : (rebuild.head() - loaded.get()) / rate);
            });
        });
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetters(ReadModel model) {
        return processing.deadLetterQueue(model.processingGroup());
    }

    private StreamingEventProcessor processor(ReadModel model) {
        return processing.eventProcessor(model.processingGroup(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor for " + model.processingGroup()));
    }
}
