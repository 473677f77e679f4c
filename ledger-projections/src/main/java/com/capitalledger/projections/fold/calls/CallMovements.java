package com.capitalledger.projections.fold.calls;

import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.calls.CallMovement.Kind;

import java.util.ArrayList;
import java.util.List;

/** Maps capital-call events to {@link CallMovement}s; pure. */
public final class CallMovements {

    private CallMovements() {
    }

    public static List<CallMovement> of(Recorded<?> recorded) {
        List<CallMovement> movements = new ArrayList<>();
        Object event = recorded.event();
        if (event instanceof CapitalCalled e) {
            String program = e.programId().value();
            movements.add(new CallMovement(recorded.globalIndex(), 0, program, e.callId().value(), Kind.CALLED,
                    e.phaseId().value(), null, e.amount().amount(), e.purpose(), e.effectiveDate(), recorded.recordedAt()));
            for (Allocation allocation : e.allocations()) {
                movements.add(new CallMovement(recorded.globalIndex(), movements.size(), program, e.callId().value(),
                        Kind.ALLOCATED, e.phaseId().value(), allocation.investorId().value(),
                        allocation.amount().amount(), null, e.effectiveDate(), recorded.recordedAt()));
            }
        } else if (event instanceof CallDefaultRecorded e) {
            movements.add(new CallMovement(recorded.globalIndex(), 0, e.programId().value(), e.callId().value(),
                    Kind.DEFAULTED, null, e.investorId().value(), e.amount().amount(), null, e.effectiveDate(),
                    recorded.recordedAt()));
        } else if (event instanceof CallDefaultCured e) {
            movements.add(new CallMovement(recorded.globalIndex(), 0, e.programId().value(), e.callId().value(),
                    Kind.CURED, null, e.investorId().value(), e.amount().amount(), null, e.effectiveDate(),
                    recorded.recordedAt()));
        }
        return movements;
    }
}
