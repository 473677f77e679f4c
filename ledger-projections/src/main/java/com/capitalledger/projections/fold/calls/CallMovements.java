package com.capitalledger.projections.fold.calls;

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
import com.capitalledger.projections.fold.calls.CallMovement.Kind;

import java.util.ArrayList;
import java.util.List;

/** Maps capital-call events to {@link CallMovement}s; pure. Commitment events move no call. */
public final class CallMovements {

    private CallMovements() {
    }

    public static List<CallMovement> of(Recorded<?> recorded) {
        return recorded.event() instanceof EquityEvent event ? event.accept(new Mapping(recorded)) : List.of();
    }

    private record Mapping(Recorded<?> recorded) implements EquityEvent.Visitor<List<CallMovement>> {

        @Override
        public List<CallMovement> called(CapitalCalled e) {
            String program = e.programId().value();
            List<CallMovement> movements = new ArrayList<>();
            movements.add(new CallMovement(recorded.globalIndex(), 0, program, e.callId().value(), Kind.CALLED,
                    e.phaseId().value(), null, e.amount().amount(), e.purpose(), e.effectiveDate(),
                    recorded.recordedAt()));
            for (Allocation allocation : e.allocations()) {
                movements.add(new CallMovement(recorded.globalIndex(), movements.size(), program, e.callId().value(),
                        Kind.ALLOCATED, e.phaseId().value(), allocation.investorId().value(),
                        allocation.amount().amount(), null, e.effectiveDate(), recorded.recordedAt()));
            }
            return movements;
        }

        @Override
        public List<CallMovement> defaultRecorded(CallDefaultRecorded e) {
            return List.of(new CallMovement(recorded.globalIndex(), 0, e.programId().value(), e.callId().value(),
                    Kind.DEFAULTED, null, e.investorId().value(), e.amount().amount(), null, e.effectiveDate(),
                    recorded.recordedAt()));
        }

        @Override
        public List<CallMovement> defaultCured(CallDefaultCured e) {
            return List.of(new CallMovement(recorded.globalIndex(), 0, e.programId().value(), e.callId().value(),
                    Kind.CURED, null, e.investorId().value(), e.amount().amount(), null, e.effectiveDate(),
                    recorded.recordedAt()));
        }

        @Override
        public List<CallMovement> committed(EquityCommitted event) {
            return List.of();
        }

        @Override
        public List<CallMovement> increased(CommitmentIncreased event) {
            return List.of();
        }

        @Override
        public List<CallMovement> reduced(CommitmentReduced event) {
            return List.of();
        }

        @Override
        public List<CallMovement> cancelled(CommitmentCancelled event) {
            return List.of();
        }

        @Override
        public List<CallMovement> transferred(CommitmentTransferred event) {
            return List.of();
        }
    }
}
