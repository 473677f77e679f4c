package com.capitalledger.projections.fold.calls;

import com.capitalledger.projections.fold.calls.CapitalCallView.AllocationView;
import com.capitalledger.projections.fold.calls.CapitalCallView.Status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The capital-call read model of one program: a pure fold of {@link CallMovement}s in stream order. */
public final class CapitalCalls {

    private final Map<String, Call> calls = new TreeMap<>();

    private static final class Call {
        private String phaseId;
        private BigDecimal amount;
        private String purpose;
        private LocalDate effectiveDate;
        private final Map<String, BigDecimal> allocations = new TreeMap<>();
        private final Map<String, Status> status = new TreeMap<>();
    }

    public CapitalCalls apply(CallMovement movement) {
        Call call = calls.computeIfAbsent(movement.callId(), id -> new Call());
        switch (movement.kind()) {
            case CALLED -> {
                call.phaseId = movement.phaseId();
                call.amount = movement.amount();
                call.purpose = movement.purpose();
                call.effectiveDate = movement.effectiveDate();
            }
            case ALLOCATED -> {
                call.allocations.put(movement.investorId(), movement.amount());
                call.status.put(movement.investorId(), Status.ALLOCATED);
            }
            case DEFAULTED -> call.status.put(movement.investorId(), Status.IN_DEFAULT);
            case CURED -> call.status.put(movement.investorId(), Status.ALLOCATED);
        }
        return this;
    }

    public CapitalCalls applyAll(Iterable<CallMovement> movements) {
        movements.forEach(this::apply);
        return this;
    }

    public List<CapitalCallView> calls() {
        List<CapitalCallView> views = new ArrayList<>();
        calls.keySet().forEach(id -> call(id).ifPresent(views::add));
        return views;
    }

    public Optional<CapitalCallView> call(String callId) {
        Call call = calls.get(callId);
        if (call == null || call.amount == null) {
            return Optional.empty();
        }
        List<AllocationView> allocations = new ArrayList<>();
        call.allocations.forEach((investor, amount) ->
                allocations.add(new AllocationView(investor, amount, call.status.get(investor))));
        return Optional.of(new CapitalCallView(callId, call.phaseId, call.amount, call.purpose, call.effectiveDate,
                allocations));
    }
}
