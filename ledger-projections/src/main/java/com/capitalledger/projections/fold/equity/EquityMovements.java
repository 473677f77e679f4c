package com.capitalledger.projections.fold.equity;

import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitmentCancelled;
import com.capitalledger.core.equity.api.CommitmentIncreased;
import com.capitalledger.core.equity.api.CommitmentReduced;
import com.capitalledger.core.equity.api.CommitmentTransferred;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.equity.EquityMovement.Kind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Maps the ledger's equity events to {@link EquityMovement}s: a pure function, the same in memory and in storage. */
public final class EquityMovements {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private EquityMovements() {
    }

    /** The movements an event brings; none for an event that does not touch equity positions. */
    public static List<EquityMovement> of(Recorded<?> recorded) {
        Builder movements = new Builder(recorded);
        Object event = recorded.event();
        if (event instanceof EquityCommitted e) {
            movements.add(e.programId().value(), e.investorId().value(), Kind.COMMITTED, e.investorName(), null,
                    e.amount().amount(), ZERO, ZERO, e.effectiveDate());
        } else if (event instanceof CommitmentIncreased e) {
            movements.add(e.programId().value(), e.investorId().value(), Kind.INCREASED, null, null,
                    e.amount().amount(), ZERO, ZERO, e.effectiveDate());
        } else if (event instanceof CommitmentReduced e) {
            movements.add(e.programId().value(), e.investorId().value(), Kind.REDUCED, null, null,
                    e.amount().amount().negate(), ZERO, ZERO, e.effectiveDate());
        } else if (event instanceof CommitmentCancelled e) {
            movements.add(e.programId().value(), e.investorId().value(), Kind.CANCELLED, null, null,
                    e.amountCancelled().amount().negate(), ZERO, ZERO, e.effectiveDate());
        } else if (event instanceof CommitmentTransferred e) {
            movements.add(e.programId().value(), e.fromInvestorId().value(), Kind.TRANSFERRED_OUT, null, null,
                    e.amount().amount().negate(), ZERO, ZERO, e.effectiveDate());
            movements.add(e.programId().value(), e.toInvestorId().value(), Kind.TRANSFERRED_IN, null, null,
                    e.amount().amount(), ZERO, ZERO, e.effectiveDate());
        } else if (event instanceof CapitalCalled e) {
            for (Allocation allocation : e.allocations()) {
                movements.add(e.programId().value(), allocation.investorId().value(), Kind.CALLED, null,
                        e.callId().value(), ZERO, allocation.amount().amount(), ZERO, e.effectiveDate());
            }
        } else if (event instanceof CallDefaultRecorded e) {
            movements.add(e.programId().value(), e.investorId().value(), Kind.DEFAULTED, null, e.callId().value(),
                    ZERO, ZERO, e.amount().amount(), e.effectiveDate());
        } else if (event instanceof CallDefaultCured e) {
            movements.add(e.programId().value(), e.investorId().value(), Kind.CURED, null, e.callId().value(),
                    ZERO, ZERO, e.amount().amount().negate(), e.effectiveDate());
        }
        return movements.list;
    }

    private static final class Builder {
        private final Recorded<?> recorded;
        private final List<EquityMovement> list = new ArrayList<>();

        private Builder(Recorded<?> recorded) {
            this.recorded = recorded;
        }

        private void add(String programId, String investorId, Kind kind, String name, String callId,
                         BigDecimal committed, BigDecimal called, BigDecimal defaulted, LocalDate effective) {
            list.add(new EquityMovement(recorded.globalIndex(), list.size(), programId, investorId, kind, name, callId,
                    committed, called, defaulted, effective, recorded.recordedAt()));
        }
    }
}
