package com.capitalledger.projections.rebuild;

import com.capitalledger.projections.processing.LedgerNode;
import com.capitalledger.projections.processing.ReadModelProcessors;
import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.projections.support.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Follows the rebuilds of every node, every second, on every node: reports the progress of this node's loads, pauses
 * this node's processors while another node rebuilds their read model and resumes them once it has handed over, marks
 * finished the rebuilds that have caught up, and takes over a rebuild whose node went quiet.
 */
@Component
public class RebuildWatchdog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RebuildWatchdog.class);

    private final RebuildProgress progress;
    private final RebuildRecords records;
    private final RebuildStatus status;
    private final RebuildRequests requests;
    private final ReadModelProcessors processors;
    private final LedgerNode node;
    private final Clock clock;
    /** Processors this node paused because another node rebuilds their read model. */
    private final Set<ReadModel> paused = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuilds");
        thread.setDaemon(true);
        return thread;
    });

    public RebuildWatchdog(RebuildProgress progress, RebuildRecords records, RebuildStatus status,
                           RebuildRequests requests, ReadModelProcessors processors, LedgerNode node, Clock clock) {
        this.progress = progress;
        this.records = records;
        this.status = status;
        this.requests = requests;
        this.processors = processors;
        this.node = node;
        this.clock = clock;
        watch.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        watch.shutdownNow();
    }

    private void watch() {
        try {
            progress.report();
            Map<String, Rebuild> current = records.inProgress().stream()
                    .collect(Collectors.toMap(Rebuild::readModel, Function.identity()));
            for (ReadModel model : ReadModel.values()) {
                Rebuild rebuild = current.get(model.id());
                boolean elsewhere = rebuild != null && !node.id().equals(rebuild.node());
                if (elsewhere && !rebuild.handedOver() && paused.add(model)) {
                    log.info("Pausing read model {}: node {} is rebuilding it", model, rebuild.node());
                    processors.of(model).shutDown();
                } else if (!(elsewhere && !rebuild.handedOver()) && paused.remove(model)) {
                    log.info("Resuming read model {}", model);
                    processors.of(model).start();
                }
                if (rebuild != null && rebuild.handedOver()) {
                    status.latest(model);
                } else if (elsewhere && rebuild.abandoned(clock.instant())) {
                    log.warn("Node {} went quiet while rebuilding read model {}; rebuilding it here", rebuild.node(),
                            model);
                    paused.remove(model);
                    requests.start(List.of(model));
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
}
