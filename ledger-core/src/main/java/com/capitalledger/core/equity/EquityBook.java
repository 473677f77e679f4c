package com.capitalledger.core.equity;

import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitmentCancelled;
import com.capitalledger.core.equity.api.CommitmentIncreased;
import com.capitalledger.core.equity.api.CommitmentReduced;
import com.capitalledger.core.equity.api.CommitmentTransferred;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.equity.api.EquityEvent;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramEvent;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The equity side of a program: each investor's commitment and each capital call's allocations. Evolves by equity
 * events only, in place; it decides nothing (the program's decisions read it).
 */
public final class EquityBook {

    private final SortedMap<InvestorId, InvestorAccount> investors = new TreeMap<>();
    private final Map<CallId, CallRecord> calls = new HashMap<>();
    /** Σ (called − defaulted) over every investor, kept as events arrive: the covenant asks for it on every draw. */
    private BigDecimal paidIn = BigDecimal.ZERO.setScale(Money.SCALE);

    public Optional<InvestorAccount> investor(InvestorId id) {
        return Optional.ofNullable(investors.get(id));
    }

    public Optional<CallRecord> call(CallId id) {
        return Optional.ofNullable(calls.get(id));
    }

    /** Every investor in id order. */
    public SortedMap<InvestorId, InvestorAccount> investors() {
        return Collections.unmodifiableSortedMap(investors);
    }

    /**
     * The investors a capital call is split among, each with its weight: those with no open default and unfunded
     * commitment above zero, with that unfunded commitment, in id order.
     */
    public SortedMap<InvestorId, BigDecimal> eligibleForCalls() {
        SortedMap<InvestorId, BigDecimal> eligible = new TreeMap<>();
        for (Map.Entry<InvestorId, InvestorAccount> entry : investors.entrySet()) {
            InvestorAccount investor = entry.getValue();
            if (!investor.inDefault()) {
                BigDecimal unfunded = investor.unfunded().amount();
                if (unfunded.signum() > 0) {
                    eligible.put(entry.getKey(), unfunded);
                }
            }
        }
        return eligible;
    }

    /** Called minus defaulted, over every investor: the equity that counts against debt in the gearing covenant. */
    public Money paidIn(CurrencyCode currency) {
        return new Money(paidIn, currency);
    }

    /** Applies an equity event; other events leave the book as it is. */
    public void apply(ProgramEvent event) {
        if (event instanceof EquityEvent equityEvent) {
            equityEvent.accept(new Evolution());
        }
    }

    /**
     * How each event of the family changes the book. Made per event, never kept in a field: the program aggregate's
     * snapshots serialize its state, the books included.
     */
    private final class Evolution implements EquityEvent.Visitor<Void> {

        @Override
        public Void committed(EquityCommitted committed) {
            investors.put(committed.investorId(),
                    InvestorAccount.committed(committed.investorName(), committed.amount()));
            return null;
        }

        @Override
        public Void increased(CommitmentIncreased increased) {
            return change(increased.investorId(), investor -> investor.withCommitted(
                    investor.committed().plus(increased.amount())));
        }

        @Override
        public Void reduced(CommitmentReduced reduced) {
            return change(reduced.investorId(), investor -> investor.withCommitted(
                    investor.committed().minus(reduced.amount())));
        }

        @Override
        public Void cancelled(CommitmentCancelled cancelled) {
            return change(cancelled.investorId(), investor -> investor.withCommitted(investor.called()));
        }

        @Override
        public Void transferred(CommitmentTransferred transfer) {
            change(transfer.fromInvestorId(), investor -> investor.withCommitted(
                    investor.committed().minus(transfer.amount())));
            return change(transfer.toInvestorId(), investor -> investor.withCommitted(
                    investor.committed().plus(transfer.amount())));
        }

        @Override
        public Void called(CapitalCalled called) {
            SortedMap<InvestorId, Money> allocations = new TreeMap<>();
            for (Allocation allocation : called.allocations()) {
                allocations.put(allocation.investorId(), allocation.amount());
                change(allocation.investorId(), investor -> investor.withCalled(allocation.amount()));
            }
            calls.put(called.callId(), CallRecord.of(called.phaseId(), allocations));
            paidIn = paidIn.add(called.amount().amount());
            return null;
        }

        @Override
        public Void defaultRecorded(CallDefaultRecorded recorded) {
            calls.computeIfPresent(recorded.callId(), (id, call) -> call.withDefault(recorded.investorId(), true));
            change(recorded.investorId(), investor -> investor.withDefault(recorded.callId(), recorded.amount()));
            paidIn = paidIn.subtract(recorded.amount().amount());
            return null;
        }

        @Override
        public Void defaultCured(CallDefaultCured cured) {
            calls.computeIfPresent(cured.callId(), (id, call) -> call.withDefault(cured.investorId(), false));
            change(cured.investorId(), investor -> investor.withCure(cured.callId(), cured.amount()));
            paidIn = paidIn.add(cured.amount().amount());
            return null;
        }
    }

    private Void change(InvestorId id, UnaryOperator<InvestorAccount> change) {
        investors.computeIfPresent(id, (key, investor) -> change.apply(investor));
        return null;
    }
}
