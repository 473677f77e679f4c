package com.capitalledger.projections.rebuild;

import com.capitalledger.projections.processing.ProcessorTokens;
import com.capitalledger.projections.readmodel.ReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Each read model's latest rebuild, as any node sees it; the first node to see a handed-over rebuild caught up marks
 * it finished.
 */
@Component
public class RebuildStatus {

    private static final Logger log = LoggerFactory.getLogger(RebuildStatus.class);

    private final RebuildRecords records;
    private final ProcessorTokens tokens;
    private final Clock clock;

    public RebuildStatus(RebuildRecords records, ProcessorTokens tokens, Clock clock) {
        this.records = records;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The read model's latest rebuild, its processor's segments read from the token store. */
    public Optional<Rebuild> latest(ReadModel model) {
        return latest(model, tokens.of(model.processingGroup()));
    }

    /**
     * The read model's latest rebuild, if it was ever rebuilt; one that has handed over and whose processor has caught
     * up with the rebuild's head, in every segment ({@code segments}, as the token store holds them), is marked
     * finished first.
     */
    public Optional<Rebuild> latest(ReadModel model, List<ProcessorTokens.Segment> segments) {
        Rebuild rebuild = records.of(model.id()).orElse(null);
        if (rebuild == null || !rebuild.inProgress() || !rebuild.handedOver() || segments.isEmpty()
                || !segments.stream().allMatch(segment -> segment.claimed() && segment.position() >= rebuild.head())) {
            return Optional.ofNullable(rebuild);
        }
        Instant finishedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        records.finished(model.id(), rebuild.startedAt(), finishedAt);
        log.info("Read model {} rebuilt: {} events in {} ms", model, rebuild.head(),
                Duration.between(rebuild.startedAt(), finishedAt).toMillis());
        return records.of(model.id());
    }

    /** Whether the read model is being rebuilt (or has been handed over and is still catching up). */
    public boolean inProgress(ReadModel model) {
        return records.of(model.id()).filter(Rebuild::inProgress).isPresent();
    }
}
