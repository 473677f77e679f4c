package com.capitalledger.projections.program;

import com.capitalledger.core.program.api.ProgramCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/** Keeps {@code program_summary} up to date and answers {@link FindProgram}. Its own processing group, so it can be replayed alone. */
@Component
@ProcessingGroup(ProgramSummaryProjection.PROCESSING_GROUP)
public class ProgramSummaryProjection {

    public static final String PROCESSING_GROUP = "program-summary";

    private final ProgramSummaryRepository repository;

    public ProgramSummaryProjection(ProgramSummaryRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ProgramCreated event, @Timestamp Instant recordedAt) {
        repository.save(ProgramSummary.of(event, recordedAt));
    }

    @QueryHandler
    Optional<ProgramSummary> handle(FindProgram query) {
        return repository.find(query.programId());
    }

    @ResetHandler
    void onReset() {
        repository.deleteAll();
    }
}
