package com.capitalledger.core.program;

import com.capitalledger.core.calc.LargestRemainder;
import com.capitalledger.core.equity.CallRecord;
import com.capitalledger.core.equity.InvestorAccount;
import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CancelCommitment;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.CommitmentCancelled;
import com.capitalledger.core.equity.api.CommitmentIncreased;
import com.capitalledger.core.equity.api.CommitmentReduced;
import com.capitalledger.core.equity.api.CommitmentTransferred;
import com.capitalledger.core.equity.api.CureCallDefault;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.equity.api.TransferCommitment;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramEvent;
import com.capitalledger.core.shared.ProgramId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import static com.capitalledger.core.shared.RejectionCode.ALREADY_DEFAULTED;
import static com.capitalledger.core.shared.RejectionCode.DUPLICATE_ID;
import static com.capitalledger.core.shared.RejectionCode.INSUFFICIENT_UNFUNDED;
import static com.capitalledger.core.shared.RejectionCode.INVESTOR_IN_DEFAULT;
import static com.capitalledger.core.shared.RejectionCode.NOTHING_TO_CANCEL;
import static com.capitalledger.core.shared.RejectionCode.NOT_ALLOCATED;
import static com.capitalledger.core.shared.RejectionCode.NOT_DEFAULTED;
import static com.capitalledger.core.shared.RejectionCode.SAME_INVESTOR;

/** Decisions on equity: commitments and their changes, capital calls, defaults and cures. */
final class EquityDecisions {

    private EquityDecisions() {
    }

    static ProgramEvent commit(ProgramState state, CommitEquity command) {
        ProgramId program = state.terms().programId();
        if (state.equity().investor(command.investorId()).isPresent()) {
            throw new LedgerRejection(DUPLICATE_ID, "investor " + command.investorId()
                    + " has already committed to program " + program + "; increase its commitment instead");
        }
        Money amount = Require.money(state, command.amount(), command.currency());
        NoBackdating.check(state, command.effectiveDate());
        return new EquityCommitted(program, command.investorId(), command.investorName(), amount,
                command.effectiveDate());
    }

    static ProgramEvent increase(ProgramState state, IncreaseCommitment command) {
        Require.investor(state, command.investorId());
        Money amount = Require.money(state, command.amount(), command.currency());
        NoBackdating.check(state, command.effectiveDate());
        return new CommitmentIncreased(state.terms().programId(), command.investorId(), amount, command.effectiveDate());
    }

    static ProgramEvent reduce(ProgramState state, ReduceCommitment command) {
        InvestorAccount investor = Require.investor(state, command.investorId());
        Money amount = Require.money(state, command.amount(), command.currency());
        NoBackdating.check(state, command.effectiveDate());
        if (amount.isGreaterThan(investor.unfunded())) {
            throw new LedgerRejection(INSUFFICIENT_UNFUNDED, "reducing " + command.investorId() + " by " + amount
                    + " exceeds its unfunded commitment " + investor.unfunded());
        }
        return new CommitmentReduced(state.terms().programId(), command.investorId(), amount, command.effectiveDate());
    }

    static ProgramEvent cancel(ProgramState state, CancelCommitment command) {
        InvestorAccount investor = Require.investor(state, command.investorId());
        NoBackdating.check(state, command.effectiveDate());
        if (investor.unfunded().signum() == 0) {
            throw new LedgerRejection(NOTHING_TO_CANCEL, "investor " + command.investorId()
                    + " has no unfunded commitment: committed " + investor.committed() + " is all called");
        }
        return new CommitmentCancelled(state.terms().programId(), command.investorId(), investor.unfunded(),
                command.effectiveDate());
    }

    /** Moves unfunded commitment only: what was called stays with the transferor. */
    static ProgramEvent transfer(ProgramState state, TransferCommitment command) {
        InvestorAccount from = Require.investor(state, command.fromInvestorId());
        Require.investor(state, command.toInvestorId());
        if (command.fromInvestorId().equals(command.toInvestorId())) {
            throw new LedgerRejection(SAME_INVESTOR, "cannot transfer commitment from " + command.fromInvestorId()
                    + " to itself");
        }
        Money amount = Require.money(state, command.amount(), command.currency());
        NoBackdating.check(state, command.effectiveDate());
        if (amount.isGreaterThan(from.unfunded())) {
            throw new LedgerRejection(INSUFFICIENT_UNFUNDED, "transfer of " + amount + " exceeds the unfunded commitment "
                    + from.unfunded() + " of " + command.fromInvestorId());
        }
        if (from.inDefault()) {
            throw new LedgerRejection(INVESTOR_IN_DEFAULT, "investor " + command.fromInvestorId()
                    + " is in default on calls " + from.openDefaultCalls() + " and cannot transfer commitment");
        }
        return new CommitmentTransferred(state.terms().programId(), command.fromInvestorId(), command.toInvestorId(),
                amount, command.effectiveDate());
    }

    /**
     * Splits the call among eligible investors (no open default, unfunded above zero) pro rata to their unfunded
     * commitment, by the largest-remainder method in whole cents, ties to the lower investor id.
     */
    static ProgramEvent call(ProgramState state, CallCapital command) {
        ProgramId program = state.terms().programId();
        if (state.equity().call(command.callId()).isPresent()) {
            throw new LedgerRejection(DUPLICATE_ID, "capital call " + command.callId() + " already exists in program "
                    + program);
        }
        PhaseAccount phase = Require.phase(state, command.phaseId());
        Money amount = Require.money(state, command.amount(), command.currency());
        NoBackdating.check(state, command.effectiveDate());

        SortedMap<InvestorId, BigDecimal> eligibleUnfunded = state.equity().eligibleForCalls();
        BigDecimal unfundedTotal = BigDecimal.ZERO.setScale(Money.SCALE);
        for (BigDecimal weight : eligibleUnfunded.values()) {
            unfundedTotal = unfundedTotal.add(weight);
        }
        Money unfunded = new Money(unfundedTotal, amount.currency());
        if (amount.isGreaterThan(unfunded)) {
            throw new LedgerRejection(INSUFFICIENT_UNFUNDED, "capital call " + command.callId() + " of " + amount
                    + " exceeds the eligible unfunded commitment " + unfunded + " of "
                    + eligibleUnfunded.keySet().stream().toList());
        }
        PhaseBudget.check(command.phaseId(), phase, amount, "capital call " + command.callId());

        List<Allocation> allocations = new ArrayList<>(eligibleUnfunded.size());
        LargestRemainder.split(amount.amount(), eligibleUnfunded).forEach((id, share) ->
                allocations.add(new Allocation(id, new Money(share, amount.currency()))));
        return new CapitalCalled(program, command.callId(), command.phaseId(), amount, command.purpose(), allocations,
                command.effectiveDate());
    }

    static ProgramEvent recordDefault(ProgramState state, RecordCallDefault command) {
        CallRecord call = Require.call(state, command.callId());
        Require.investor(state, command.investorId());
        NoBackdating.check(state, command.effectiveDate());
        Money allocation = allocated(call, command.callId(), command.investorId());
        if (call.isInDefault(command.investorId())) {
            throw new LedgerRejection(ALREADY_DEFAULTED, "investor " + command.investorId()
                    + " is already in default on capital call " + command.callId());
        }
        return new CallDefaultRecorded(state.terms().programId(), command.callId(), command.investorId(), allocation,
                command.effectiveDate());
    }

    static ProgramEvent cure(ProgramState state, CureCallDefault command) {
        CallRecord call = Require.call(state, command.callId());
        Require.investor(state, command.investorId());
        NoBackdating.check(state, command.effectiveDate());
        Money allocation = allocated(call, command.callId(), command.investorId());
        if (!call.isInDefault(command.investorId())) {
            throw new LedgerRejection(NOT_DEFAULTED, "investor " + command.investorId()
                    + " is not in default on capital call " + command.callId());
        }
        return new CallDefaultCured(state.terms().programId(), command.callId(), command.investorId(), allocation,
                command.effectiveDate());
    }

    private static Money allocated(CallRecord call, CallId callId, InvestorId investorId) {
        return call.allocationOf(investorId).filter(allocation -> allocation.signum() > 0)
                .orElseThrow(() -> new LedgerRejection(NOT_ALLOCATED, "investor " + investorId
                        + " has no allocation in capital call " + callId));
    }
}
