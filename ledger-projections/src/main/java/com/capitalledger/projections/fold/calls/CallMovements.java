package com.capitalledger.projections.fold.calls;

import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.EquityEvent;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.calls.CallMovement.Kind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Maps capital-call events to {@link CallMovement}s; pure. */
public final class CallMovements {

    private CallMovements() {
    }

    /** The movements a call, a default or a cure brings; the commitment events move no call. */
    public static List<CallMovement> of(Recorded<?> recorded) {
        Object event = recorded.event();
        if (event instanceof CapitalCalled e) {
            return called(recorded, e);
        } else if (event instanceof CallDefaultRecorded e) {
            return status(recorded, e, Kind.DEFAULTED, e.callId().value(), e.investorId().value(), e.amount().amount());
        } else if (event instanceof CallDefaultCured e) {
            return status(recorded, e, Kind.CURED, e.callId().value(), e.investorId().value(), e.amount().amount());
        }
        return List.of();
    }

    private static List<CallMovement> called(Recorded<?> recorded, CapitalCalled e) {
        String program = e.programId().value();
        List<CallMovement> movements = new ArrayList<>();
        movements.add(new CallMovement(recorded.globalIndex(), 0, program, e.callId().value(), Kind.CALLED,
                e.phaseId().value(), null, e.amount().amount(), e.purpose(), e.effectiveDate(), recorded.recordedAt()));
        for (Allocation allocation : e.allocations()) {
            movements.add(new CallMovement(recorded.globalIndex(), movements.size(), program, e.callId().value(),
                    Kind.ALLOCATED, e.phaseId().value(), allocation.investorId().value(),
                    allocation.amount().amount(), null, e.effectiveDate(), recorded.recordedAt()));
        }
        return movements;
    }

    /** An allocation's default or cure: one line, for the investor. */
    private static List<CallMovement> status(Recorded<?> recorded, EquityEvent e, Kind kind, String callId,
                                             String investorId, BigDecimal amount) {
        return List.of(new CallMovement(recorded.globalIndex(), 0, e.programId().value(), callId, kind, null,
                investorId, amount, null, e.effectiveDate(), recorded.recordedAt()));
    }
}
