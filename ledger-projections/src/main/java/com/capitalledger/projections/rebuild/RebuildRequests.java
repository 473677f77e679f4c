package com.capitalledger.projections.rebuild;

import com.capitalledger.projections.eventstore.EventStoreReader;
import com.capitalledger.projections.processing.LedgerNode;
import com.capitalledger.projections.readmodel.ReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks for read models to be rebuilt from the event store, as every node on the database sees them alike: the rebuilds
 * are rows of the shared {@code read_model_rebuild} table. While a node rebuilds a read model, the other nodes pause
 * their processors for it ({@link RebuildWatchdog}), and resume them once the rebuilding node hands over.
 */
@Component
public class RebuildRequests {

    private static final Logger log = LoggerFactory.getLogger(RebuildRequests.class);

    /** Thrown when a read model asked to be rebuilt is being rebuilt already, by a node that is still alive. */
    public static final class RebuildInProgress extends RuntimeException {

        public RebuildInProgress(List<ReadModel> models) {
            super("read models " + models + " are being rebuilt already");
        }
    }

    private final Clock clock;
    private final EventStoreReader events;
    private final RebuildRecords records;
    private final LedgerNode node;
    private final RebuildRunner runner;

    public RebuildRequests(Clock clock, EventStoreReader events, RebuildRecords records, LedgerNode node,
                           RebuildRunner runner) {
        this.clock = clock;
        this.events = events;
        this.records = records;
        this.node = node;
        this.runner = runner;
    }

    /**
     * Starts rebuilding the read models and returns at once. The rebuild is recorded first, so every other node pauses
     * its processors for them; the rest runs on this node's loader ({@link RebuildRunner}).
     *
     * @return the head of the event stream the rebuild reads up to
     * @throws RebuildInProgress if a live node is rebuilding any of them already
     */
    public synchronized long start(List<ReadModel> models) {
        long head = events.head();
        Instant startedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<ReadModel> busy = models.stream().filter(model -> records.of(model.id())
                .filter(Rebuild::inProgress)
                .filter(rebuild -> !rebuild.handedOver() && !rebuild.abandoned(clock.instant())).isPresent()).toList();
        if (!busy.isEmpty()) {
            throw new RebuildInProgress(busy);
        }
        AtomicLong loaded = new AtomicLong();
        for (ReadModel model : models) {
            if (!records.start(model.id(), node.id(), startedAt, head, startedAt.minus(Rebuild.ABANDONED_AFTER))) {
                throw new RebuildInProgress(List.of(model));
            }
            runner.prepare(model, loaded);
        }
        log.info("Rebuilding read models {} from the event stream up to {}", models, head);
        runner.run(models, head, loaded);
        return head;
    }
}
