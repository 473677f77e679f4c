package com.capitalledger.core.program;

import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.program.api.ProgramId;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.RejectionCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.LocalDate;

/**
 * One program's capital stack. Everything whose invariants span equity and debt (phase budgets, the gearing
 * covenant) lives in this one aggregate, so each decision sees a consistent state and commits atomically.
 * <p>
 * Command handlers decide and {@code apply}; event-sourcing handlers only assign.
 */
public class Program {

    @AggregateIdentifier
    private ProgramId programId;
    private CurrencyCode currency;
    private LocalDate latestEffectiveDate;

    /** For Axon, which rebuilds the aggregate from its events. */
    protected Program() {
    }

    /**
     * Creation goes through an instance handler so that an existing program is loaded and the command is
     * refused with {@code PROGRAM_EXISTS}, rather than failing later on the event store's unique key.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CreateProgram command) {
        if (programId != null) {
            throw new LedgerRejection(RejectionCode.PROGRAM_EXISTS, "program " + command.programId() + " already exists");
        }
        CurrencyCode currency = CurrencyCode.of(command.currency());
        Money target = Money.of(command.targetAmount(), currency);
        Percentage maxDebtPct = Percentage.of(command.maxDebtPct());
        AggregateLifecycle.apply(new ProgramCreated(command.programId(), command.name(), currency, target, maxDebtPct,
                command.effectiveDate()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ProgramCreated event) {
        programId = event.programId();
        currency = event.currency();
        latestEffectiveDate = event.effectiveDate();
    }
}
