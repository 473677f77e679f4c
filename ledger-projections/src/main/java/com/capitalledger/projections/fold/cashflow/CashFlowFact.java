package com.capitalledger.projections.fold.cashflow;

import com.capitalledger.core.cashflow.api.CashFlowEvent;
import com.capitalledger.core.cashflow.api.OperatingCashFlowRecorded;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.projections.fold.Fact;
import com.capitalledger.projections.fold.Recorded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One cash-flow event as the {@code cash_flow_fact} table keeps it: the event whole (a waterfall carries every figure
 * it decided, so the read model folds it without recomputing anything), with its global index, effective date and
 * recording instant for as-of and known-at reads. {@code periodEnd} is the period a cash flow or waterfall is about
 * (null for the others).
 */
public record CashFlowFact(long globalIndex, String programId, CashFlowEvent event, LocalDate periodEnd,
                           LocalDate effectiveDate, Instant recordedAt) implements Fact {

    /** The value of the table's {@code kind} column: the event's type. */
    public String kind() {
        return event.getClass().getSimpleName();
    }

    public static Optional<CashFlowFact> of(Recorded<?> recorded) {
        if (!(recorded.event() instanceof CashFlowEvent event)) {
            return Optional.empty();
        }
        LocalDate periodEnd = event instanceof WaterfallRun run ? run.periodEnd()
                : event instanceof OperatingCashFlowRecorded flow ? flow.periodEnd() : null;
        return Optional.of(new CashFlowFact(recorded.globalIndex(), event.programId().value(), event, periodEnd,
                event.effectiveDate(), recorded.recordedAt()));
    }
}
