package com.capitalledger.projections.rebuild;

import com.capitalledger.projections.processing.LedgerNode;
import com.capitalledger.projections.readmodel.ReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bulk loads this node runs, with their counters: recorded as each rebuild's progress and heartbeat (which tells
 * the other nodes this node is still at it), and logged.
 */
@Component
public class RebuildProgress {

    private static final Logger log = LoggerFactory.getLogger(RebuildProgress.class);

    private final RebuildRecords records;
    private final LedgerNode node;
    private final Clock clock;
    private final Map<ReadModel, AtomicLong> loading = new ConcurrentHashMap<>();

    public RebuildProgress(RebuildRecords records, LedgerNode node, Clock clock) {
        this.records = records;
        this.node = node;
        this.clock = clock;
    }

    /** This node loads the read model; {@code loaded} counts its events. */
    void loading(ReadModel model, AtomicLong loaded) {
        loading.put(model, loaded);
    }

    /** Records that this node's load of the read model is over and its processor takes over. */
    void handedOver(ReadModel model, AtomicLong loaded) {
        records.handedOver(model.id(), node.id(), loaded.get(), clock.instant());
        loading.remove(model);
    }

    /** Records and logs how far each of this node's loads has come. */
    void report() {
        Instant now = clock.instant();
        loading.forEach((model, loaded) -> {
            records.progress(model.id(), node.id(), loaded.get(), now);
            records.of(model.id()).filter(rebuild -> !rebuild.handedOver()).ifPresent(rebuild -> {
                long millis = Math.max(1, Duration.between(rebuild.startedAt(), now).toMillis());
                long rate = loaded.get() * 1000 / millis;
                log.info("Rebuilding read model {}: {} of {} events, {} events/s, about {} s left", model,
                        loaded.get(), rebuild.head(), rate,
                        rate == 0 ? "?" : (rebuild.head() - loaded.get()) / rate);
            });
        });
    }
}
