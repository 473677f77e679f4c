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
import com.capitalledger.core.equity.api.EquityEvent;
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
        return recorded.event() instanceof EquityEvent event ? event.accept(new Mapping(recorded)) : List.of();
    }

    private static final class Mapping implements EquityEvent.Visitor<List<EquityMovement>> {
        private final Recorded<?> recorded;
        private final List<EquityMovement> list = new ArrayList<>();

        private Mapping(Recorded<?> recorded) {
            this.recorded = recorded;
        }

        @Override
        public List<EquityMovement> committed(EquityCommitted e) {
            return add(e, e.investorId().value(), Kind.COMMITTED, e.investorName(), null, e.amount().amount(), ZERO,
                    ZERO);
        }

        @Override
        public List<EquityMovement> increased(CommitmentIncreased e) {
            return commitment(e, e.investorId().value(), Kind.INCREASED, e.amount().amount());
        }

        @Override
        public List<EquityMovement> reduced(CommitmentReduced e) {
            return commitment(e, e.investorId().value(), Kind.REDUCED, e.amount().amount().negate());
        }

        @Override
        public List<EquityMovement> cancelled(CommitmentCancelled e) {
            return commitment(e, e.investorId().value(), Kind.CANCELLED, e.amountCancelled().amount().negate());
        }

        @Override
        public List<EquityMovement> transferred(CommitmentTransferred e) {
            commitment(e, e.fromInvestorId().value(), Kind.TRANSFERRED_OUT, e.amount().amount().negate());
            return commitment(e, e.toInvestorId().value(), Kind.TRANSFERRED_IN, e.amount().amount());
        }

        @Override
        public List<EquityMovement> called(CapitalCalled e) {
            for (Allocation allocation : e.allocations()) {
                add(e, allocation.investorId().value(), Kind.CALLED, null, e.callId().value(), ZERO,
                        allocation.amount().amount(), ZERO);
            }
            return list;
        }

        @Override
        public List<EquityMovement> defaultRecorded(CallDefaultRecorded e) {
            return add(e, e.investorId().value(), Kind.DEFAULTED, null, e.callId().value(), ZERO, ZERO,
                    e.amount().amount());
        }

        @Override
        public List<EquityMovement> defaultCured(CallDefaultCured e) {
            return add(e, e.investorId().value(), Kind.CURED, null, e.callId().value(), ZERO, ZERO,
                    e.amount().amount().negate());
        }

        private List<EquityMovement> commitment(EquityEvent event, String investorId, Kind kind, BigDecimal delta) {
            return add(event, investorId, kind, null, null, delta, ZERO, ZERO);
        }

        private List<EquityMovement> add(EquityEvent event, String investorId, Kind kind, String name, String callId,
                                         BigDecimal committed, BigDecimal called, BigDecimal defaulted) {
            LocalDate effective = event.effectiveDate();
            list.add(new EquityMovement(recorded.globalIndex(), list.size(), event.programId().value(), investorId,
                    kind, name, callId, committed, called, defaulted, effective, recorded.recordedAt()));
            return list;
        }
    }
}
