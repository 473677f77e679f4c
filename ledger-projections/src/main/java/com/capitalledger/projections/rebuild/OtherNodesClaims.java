package com.capitalledger.projections.rebuild;

import com.capitalledger.projections.processing.LedgerNode;
import com.capitalledger.projections.processing.ProcessorTokens;
import com.capitalledger.projections.readmodel.ReadModel;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The claims other nodes hold on read models' segments, which a rebuild waits to see released. */
@Component
public class OtherNodesClaims {

    private final ProcessorTokens tokens;
    private final LedgerNode node;
    private final Clock clock;
    private final RebuildProgress progress;

    public OtherNodesClaims(ProcessorTokens tokens, LedgerNode node, Clock clock, RebuildProgress progress) {
        this.tokens = tokens;
        this.node = node;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Waits until no other node holds a current claim on the read models' segments (they pause on seeing the
     * rebuild), reporting this node's progress meanwhile, so that its rebuild is not thought abandoned.
     */
    void awaitReleased(List<ReadModel> models) throws InterruptedException {
        Instant deadline = clock.instant().plus(Rebuild.ABANDONED_AFTER);
        while (models.stream().anyMatch(model -> tokens.of(model.processingGroup()).stream()
                .anyMatch(segment -> segment.claimed() && !node.id().equals(segment.owner())))) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("other nodes still hold claims on " + models + " after "
                        + Rebuild.ABANDONED_AFTER.toSeconds() + " s");
            }
            progress.report();
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }
}
