package com.capitalledger.core.program;

import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RecordValuation;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
import com.capitalledger.core.cashflow.api.WaiveEventOfDefault;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CancelCommitment;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.CureCallDefault;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.equity.api.TransferCommitment;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.rates.BaseRateFixings;
import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramEvent;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

/**
 * The program aggregate: Axon's shell around {@link ProgramDecider} and {@link ProgramState}. It routes each command
 * to the decider, applies the event it returns and answers the resulting version; it evolves its state with each
 * event. Every invariant that spans equity and debt is decided on that one state and committed atomically.
 * <p>
 * Snapshots serialize this class; its revision names the shape of {@link ProgramState}, and a snapshot of another
 * revision is skipped by Axon's revision snapshot filter (the program is then rebuilt from its events). Raise it
 * whenever a field of the state changes name, type or meaning.
 */
@Revision("4")
public class Program {

    /** Only draws and waterfalls consult fixings; any other command doing so is a programming error. */
    private static final BaseRateFixings NOT_CONSULTED = (rate, day) -> {
        throw new IllegalStateException("only a draw or a waterfall consults base-rate fixings");
    };

    @AggregateIdentifier
    private ProgramId programId;
    private ProgramState state = ProgramState.none();

    /** For Axon, which rebuilds the aggregate from its events or a snapshot. */
    protected Program() {
    }

    /**
     * Creation goes through an instance handler so that an existing program is loaded and the command refused with
     * {@code PROGRAM_EXISTS}, rather than failing later on the event store's unique key.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CreateProgram command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(CreatePhase command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(CommitEquity command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(IncreaseCommitment command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(ReduceCommitment command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(CancelCommitment command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(TransferCommitment command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(CallCapital command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(RecordCallDefault command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(CureCallDefault command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(CreateTranche command) {
        return decided(command, NOT_CONSULTED);
    }

    /** The fixings live in their own aggregates; Axon injects the lookup. */
    @CommandHandler
    public long handle(DrawTranche command, BaseRateFixings fixings) {
        return decided(command, fixings);
    }

    @CommandHandler
    public long handle(RepayTranche command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(RepriceTranche command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(SetOperatingTerms command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(SetRepaymentSchedule command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(RecordOperatingCashFlow command) {
        return decided(command, NOT_CONSULTED);
    }

    /** A waterfall accrues interest on the fixings' history (back-dated corrections included); Axon injects it. */
    @CommandHandler
    public long handle(RunWaterfall command, BaseRateFixings fixings) {
        return decided(command, fixings);
    }

    @CommandHandler
    public long handle(WaiveEventOfDefault command) {
        return decided(command, NOT_CONSULTED);
    }

    @CommandHandler
    public long handle(RecordValuation command) {
        return decided(command, NOT_CONSULTED);
    }

    private long decided(ProgramCommand command, BaseRateFixings fixings) {
        AggregateLifecycle.apply(ProgramDecider.decide(state, command, fixings));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ProgramEvent event) {
        if (event instanceof ProgramCreated created) {
            programId = created.programId();
        }
        state = state.evolve(event);
    }
}
