package com.capitalledger.projections.fold.notices;

import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.projections.fold.calls.CallMovement;
import com.capitalledger.projections.fold.calls.CapitalCallView;
import com.capitalledger.projections.fold.calls.CapitalCalls;
import com.capitalledger.projections.fold.cashflow.CashFlowFact;
import com.capitalledger.projections.fold.equity.EquityMovement;
import com.capitalledger.projections.fold.equity.InvestorPosition;
import com.capitalledger.projections.fold.equity.InvestorPositions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds investors' notices from one program's facts; pure. */
public final class Notices {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.SCALE);

    private Notices() {
    }

    /**
     * The investor's notice of the call, if the call allocated to it.
     *
     * @param calls     the program's call movements, in stream order
     * @param movements the program's equity movements effective by the call's date, in stream order
     */
    public static Optional<CallNotice> call(String programId, String callId, String investorId,
                                            List<CallMovement> calls, List<EquityMovement> movements,
                                            CurrencyCode currency) {
        Optional<CallMovement> called = calls.stream().filter(m -> m.callId().equals(callId)
                && m.kind() == CallMovement.Kind.CALLED).reduce((first, second) -> second);
        Optional<CapitalCallView> view = new CapitalCalls().applyAll(calls).call(callId);
        if (called.isEmpty() || view.isEmpty()) {
            return Optional.empty();
        }
        long index = called.get().globalIndex();
        CapitalCallView call = view.get();
        return call.allocations().stream().filter(a -> a.investorId().equals(investorId)).findFirst()
                .flatMap(allocation -> position(movements, index, investorId, currency).map(position ->
                        new CallNotice(programId, callId, call.phaseId(), call.purpose(), call.effectiveDate(),
                                call.amount(), investorId, allocation.amount(), allocation.status().name(),
                                position.committed(), position.called(), position.unfunded(), index)));
    }

    /**
     * The investor's notice of the distribution paid on {@code paymentDate}, if one paid it.
     *
     * @param facts     the program's cash-flow facts, in stream order
     * @param movements the program's equity movements effective by the payment date, in stream order
     */
    public static Optional<DistributionNotice> distribution(String programId, LocalDate paymentDate,
                                                            String investorId, List<CashFlowFact> facts,
                                                            List<EquityMovement> movements, CurrencyCode currency) {
        Map<LocalDate, CashFlowFact> waterfalls = waterfalls(facts);
        Optional<CashFlowFact> found = waterfalls.values().stream()
                .filter(fact -> run(fact).paymentDate().equals(paymentDate)).findFirst();
        Optional<BigDecimal> allocation = found.flatMap(fact -> allocation(run(fact), investorId));
        if (allocation.isEmpty()) {
            return Optional.empty();
        }
        WaterfallRun run = run(found.get());
        long index = found.get().globalIndex();
        List<InvestorPosition> positions = positions(movements, index, currency);
        BigDecimal paidIn = ZERO;
        BigDecimal basis = ZERO;
        for (InvestorPosition position : positions) {
            boolean allocated = run.allocations().stream()
                    .anyMatch(a -> a.investorId().value().equals(position.investorId()));
            if (allocated) {
                basis = basis.add(position.paidIn());
            }
            if (position.investorId().equals(investorId)) {
                paidIn = position.paidIn();
            }
        }
        BigDecimal toDate = ZERO;
        for (CashFlowFact fact : waterfalls.values()) {
            if (!run(fact).paymentDate().isAfter(paymentDate)) {
                toDate = toDate.add(allocation(run(fact), investorId).orElse(ZERO));
            }
        }
        return Optional.of(new DistributionNotice(programId, paymentDate, run.periodEnd(), run.distributed().amount(),
                investorId, allocation.get(), paidIn, basis, toDate, index));
    }

    /** The notices the investor has, and the day of its first commitment. */
    public static NoticeIndex index(String investorId, List<CallMovement> calls, List<CashFlowFact> facts,
                                    List<EquityMovement> movements) {
        List<NoticeIndex.CallEntry> callEntries = new ArrayList<>();
        for (CapitalCallView call : new CapitalCalls().applyAll(calls).calls()) {
            call.allocations().stream().filter(a -> a.investorId().equals(investorId)).findFirst()
                    .ifPresent(a -> callEntries.add(new NoticeIndex.CallEntry(call.callId(), call.effectiveDate(),
                            a.amount())));
        }
        callEntries.sort((a, b) -> a.effectiveDate().compareTo(b.effectiveDate()));
        List<NoticeIndex.DistributionEntry> distributions = new ArrayList<>();
        for (CashFlowFact fact : waterfalls(facts).values()) {
            allocation(run(fact), investorId).ifPresent(amount -> distributions.add(
                    new NoticeIndex.DistributionEntry(run(fact).paymentDate(), amount)));
        }
        LocalDate first = movements.stream().filter(m -> m.investorId().equals(investorId)
                        && (m.kind() == EquityMovement.Kind.COMMITTED || m.kind() == EquityMovement.Kind.TRANSFERRED_IN))
                .map(EquityMovement::effectiveDate).min(LocalDate::compareTo).orElse(null);
        return new NoticeIndex(callEntries, distributions, first);
    }

    /** The waterfalls by period, a later one of a period replacing the earlier as the cash-flow fold does. */
    private static Map<LocalDate, CashFlowFact> waterfalls(List<CashFlowFact> facts) {
        Map<LocalDate, CashFlowFact> waterfalls = new TreeMap<>();
        facts.stream().filter(fact -> fact.event() instanceof WaterfallRun)
                .forEach(fact -> waterfalls.put(run(fact).periodEnd(), fact));
        return waterfalls;
    }

    private static WaterfallRun run(CashFlowFact fact) {
        return (WaterfallRun) fact.event();
    }

    /** What the waterfall distributed to the investor, if more than nothing. */
    private static Optional<BigDecimal> allocation(WaterfallRun run, String investorId) {
        return run.allocations().stream().filter(a -> a.investorId().value().equals(investorId))
                .map(a -> a.amount().amount()).filter(amount -> amount.signum() > 0).findFirst();
    }

    /** The positions right after the event at {@code globalIndex}: the movements recorded up to it, folded. */
    private static List<InvestorPosition> positions(List<EquityMovement> movements, long globalIndex,
                                                    CurrencyCode currency) {
        return new InvestorPositions(currency).applyAll(movements.stream()
                .filter(m -> m.globalIndex() <= globalIndex).toList()).positions();
    }

    private static Optional<InvestorPosition> position(List<EquityMovement> movements, long globalIndex,
                                                       String investorId, CurrencyCode currency) {
        return positions(movements, globalIndex, currency).stream()
                .filter(p -> p.investorId().equals(investorId)).findFirst();
    }
}
