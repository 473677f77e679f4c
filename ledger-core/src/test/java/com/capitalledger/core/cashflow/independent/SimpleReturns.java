package com.capitalledger.core.cashflow.independent;

import com.capitalledger.core.cashflow.api.ValuationRecorded;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitmentCancelled;
import com.capitalledger.core.equity.api.CommitmentIncreased;
import com.capitalledger.core.equity.api.CommitmentReduced;
import com.capitalledger.core.equity.api.CommitmentTransferred;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.shared.LedgerEvent;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Returns and capital accounts written from DESIGN section 10 (and section 4's equity rules) alone, for the generative
 * check: a plain walk over a program's events, sharing no code with the read models. The events are the journal in
 * recording order; "known at" is a prefix of it, "as of" keeps the events effective on or before the date.
 *
 * <p>The rules, as DESIGN states them: a contribution is a capital-call allocation on the call's date; a defaulted
 * one counts on the date it was cured (the last cure, if it defaulted again), never while its default is open;
 * distributions are the waterfall's allocations on their payment dates; NAV is the latest valuation on or before the
 * date split pro rata to paid-in (called − open defaults) by largest remainder in cents, ties to the lower investor id,
 * or paid-in when there is no valuation (or nobody has paid in, as the valuation then belongs to nobody). Multiples
 * are rounded once to 4 dp HALF_EVEN; the IRR is {@link SimpleIrr}'s.
 */
public final class SimpleReturns {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final List<? extends LedgerEvent> journal;

    /** @param journal the program's events in recording order */
    public SimpleReturns(List<? extends LedgerEvent> journal) {
        this.journal = List.copyOf(journal);
    }

    public record Figures(BigDecimal contributed, BigDecimal distributed, BigDecimal nav, String navBasis,
                          BigDecimal dpi, BigDecimal rvpi, BigDecimal tvpi, SimpleIrr.Answer irr,
                          List<SimpleIrr.Flow> flows) {
    }

    public record Account(BigDecimal beginningNav, BigDecimal contributions, BigDecimal distributions,
                          BigDecimal netChangeInValue, BigDecimal endingNav, BigDecimal committed,
                          BigDecimal unfunded) {
    }

    /** Each investor's returns (by investor id) and the program's under the key {@code null}. */
    public record Returns(Map<String, Figures> investors, Figures program) {
    }

    /** The state after the first {@code known} events of the journal that are effective on or before {@code asOf}. */
    public State at(LocalDate asOf, int known) {
        State state = new State(asOf);
        for (LedgerEvent event : journal.subList(0, known)) {
            if (!event.effectiveDate().isAfter(asOf)) {
                state.apply(event);
            }
        }
        return state;
    }

    public Returns returns(LocalDate asOf, int known) {
        State s = at(asOf, known);
        Map<String, BigDecimal> nav = s.nav();
        String basis = s.valuation() == null ? "COST" : "VALUATION";
        Map<String, Figures> investors = new TreeMap<>();
        List<SimpleIrr.Flow> all = new ArrayList<>();
        BigDecimal in = ZERO;
        BigDecimal out = ZERO;
        for (String id : s.committed.keySet()) {
            List<SimpleIrr.Flow> flows = new ArrayList<>();
            BigDecimal contributed = ZERO;
            for (SimpleIrr.Flow c : s.contributions(id)) {
                contributed = contributed.add(c.amount());
                flows.add(new SimpleIrr.Flow(c.date(), c.amount().negate()));
            }
            BigDecimal distributed = ZERO;
            for (SimpleIrr.Flow d : s.distributions.getOrDefault(id, List.of())) {
                distributed = distributed.add(d.amount());
                flows.add(d);
            }
            all.addAll(flows);
            flows.add(new SimpleIrr.Flow(asOf, nav.get(id)));
            investors.put(id, figures(contributed, distributed, nav.get(id), basis, flows));
            in = in.add(contributed);
            out = out.add(distributed);
        }
        BigDecimal programNav = nav.values().stream().reduce(ZERO, BigDecimal::add);
        all.add(new SimpleIrr.Flow(asOf, programNav));
        return new Returns(investors, figures(in, out, programNav, basis, all));
    }

    /** The capital accounts of the period {@code from}-{@code to}, by investor id, as known after {@code known} events. */
    public Map<String, Account> capitalAccounts(LocalDate from, LocalDate to, int known) {
        State before = at(from.minusDays(1), known);
        State end = at(to, known);
        Map<String, BigDecimal> beginningNav = before.nav();
        Map<String, BigDecimal> endingNav = end.nav();
        Map<String, Account> accounts = new TreeMap<>();
        for (String id : end.committed.keySet()) {
            BigDecimal contributions = inPeriod(end.contributions(id), from, to);
            BigDecimal distributions = inPeriod(end.distributions.getOrDefault(id, List.of()), from, to);
            BigDecimal beginning = beginningNav.getOrDefault(id, ZERO);
            BigDecimal ending = endingNav.get(id);
            accounts.put(id, new Account(beginning, contributions, distributions,
                    ending.subtract(beginning).subtract(contributions).add(distributions), ending,
                    end.committed.get(id), end.committed.get(id).subtract(end.called.get(id))));
        }
        return accounts;
    }

    private static BigDecimal inPeriod(List<SimpleIrr.Flow> flows, LocalDate from, LocalDate to) {
        return flows.stream().filter(f -> !f.date().isBefore(from) && !f.date().isAfter(to))
                .map(SimpleIrr.Flow::amount).reduce(ZERO, BigDecimal::add);
    }

    private static Figures figures(BigDecimal contributed, BigDecimal distributed, BigDecimal nav, String basis,
                                   List<SimpleIrr.Flow> flows) {
        boolean none = contributed.signum() == 0;
        return new Figures(contributed, distributed, nav, basis,
                none ? null : distributed.divide(contributed, 4, RoundingMode.HALF_EVEN),
                none ? null : nav.divide(contributed, 4, RoundingMode.HALF_EVEN),
                none ? null : distributed.add(nav).divide(contributed, 4, RoundingMode.HALF_EVEN),
                SimpleIrr.irr(flows), List.copyOf(flows));
    }

    /** One investor's allocation of one call and what became of it. */
    private static final class Allotment {
        final LocalDate callDate;
        final BigDecimal amount;
        boolean open;
        LocalDate lastCure;

        Allotment(LocalDate callDate, BigDecimal amount) {
            this.callDate = callDate;
            this.amount = amount;
        }
    }

    /** The program's equity and cash flows as of one date. */
    public static final class State {
        private final LocalDate asOf;
        final Map<String, BigDecimal> committed = new TreeMap<>();
        final Map<String, BigDecimal> called = new TreeMap<>();
        private final Map<String, Map<String, Allotment>> allotments = new TreeMap<>();
        final Map<String, List<SimpleIrr.Flow>> distributions = new TreeMap<>();
        private final TreeMap<LocalDate, BigDecimal> valuations = new TreeMap<>();

        State(LocalDate asOf) {
            this.asOf = asOf;
        }

        void apply(LedgerEvent event) {
            if (event instanceof EquityCommitted e) {
                committed.put(e.investorId().value(), e.amount().amount());
                called.put(e.investorId().value(), ZERO);
            } else if (event instanceof CommitmentIncreased e) {
                committed.merge(e.investorId().value(), e.amount().amount(), BigDecimal::add);
            } else if (event instanceof CommitmentReduced e) {
                committed.merge(e.investorId().value(), e.amount().amount().negate(), BigDecimal::add);
            } else if (event instanceof CommitmentCancelled e) {
                committed.put(e.investorId().value(), called.get(e.investorId().value()));
            } else if (event instanceof CommitmentTransferred e) {
                committed.merge(e.fromInvestorId().value(), e.amount().amount().negate(), BigDecimal::add);
                committed.merge(e.toInvestorId().value(), e.amount().amount(), BigDecimal::add);
            } else if (event instanceof CapitalCalled e) {
                for (Allocation a : e.allocations()) {
                    String id = a.investorId().value();
                    called.merge(id, a.amount().amount(), BigDecimal::add);
                    allotments.computeIfAbsent(id, k -> new LinkedHashMap<>())
                            .put(e.callId().value(), new Allotment(e.effectiveDate(), a.amount().amount()));
                }
            } else if (event instanceof CallDefaultRecorded e) {
                allotments.get(e.investorId().value()).get(e.callId().value()).open = true;
            } else if (event instanceof CallDefaultCured e) {
                Allotment a = allotments.get(e.investorId().value()).get(e.callId().value());
                a.open = false;
                a.lastCure = e.effectiveDate();
            } else if (event instanceof WaterfallRun e) {
                e.allocations().forEach(a -> distributions.computeIfAbsent(a.investorId().value(),
                        k -> new ArrayList<>()).add(new SimpleIrr.Flow(e.paymentDate(), a.amount().amount())));
            } else if (event instanceof ValuationRecorded e) {
                valuations.put(e.valuationDate(), e.equityValue().amount());
            }
            // Structure, debt and operating facts move no investor's money.
        }

        /** The investor's contributions: each allocation on its call's date, or its last cure's, none while open. */
        List<SimpleIrr.Flow> contributions(String investorId) {
            List<SimpleIrr.Flow> flows = new ArrayList<>();
            for (Allotment a : allotments.getOrDefault(investorId, Map.of()).values()) {
                if (!a.open) {
                    flows.add(new SimpleIrr.Flow(a.lastCure == null ? a.callDate : a.lastCure, a.amount));
                }
            }
            flows.sort(Comparator.comparing(SimpleIrr.Flow::date));
            return flows;
        }

        BigDecimal paidIn(String investorId) {
            BigDecimal open = allotments.getOrDefault(investorId, Map.of()).values().stream().filter(a -> a.open)
                    .map(a -> a.amount).reduce(ZERO, BigDecimal::add);
            return called.get(investorId).subtract(open);
        }

        /** The latest valuation on or before the date, or null (also when nobody has paid in to own it). */
        BigDecimal valuation() {
            BigDecimal totalPaidIn = committed.keySet().stream().map(this::paidIn).reduce(ZERO, BigDecimal::add);
            return valuations.isEmpty() || totalPaidIn.signum() == 0 ? null : valuations.lastEntry().getValue();
        }

        /** NAV per investor: the valuation split by largest remainder in cents, or paid-in. */
        Map<String, BigDecimal> nav() {
            Map<String, BigDecimal> nav = new TreeMap<>();
            BigDecimal valuation = valuation();
            if (valuation == null) {
                committed.keySet().forEach(id -> nav.put(id, paidIn(id)));
                return nav;
            }
            BigInteger cents = valuation.movePointRight(2).toBigIntegerExact();
            BigInteger total = committed.keySet().stream().map(id -> paidIn(id).movePointRight(2).toBigIntegerExact())
                    .reduce(BigInteger.ZERO, BigInteger::add);
            Map<String, BigInteger> floor = new TreeMap<>();
            Map<String, BigInteger> remainder = new TreeMap<>();
            BigInteger given = BigInteger.ZERO;
            for (String id : committed.keySet()) {
                BigInteger[] qr = cents.multiply(paidIn(id).movePointRight(2).toBigIntegerExact())
                        .divideAndRemainder(total);
                floor.put(id, qr[0]);
                remainder.put(id, qr[1]);
                given = given.add(qr[0]);
            }
            // Largest remainders first, ties to the lower id (the ids iterate in String order, and the sort is stable).
            List<String> order = new ArrayList<>(committed.keySet());
            order.sort(Comparator.comparing((String id) -> remainder.get(id)).reversed());
            int extra = cents.subtract(given).intValueExact();
            for (int i = 0; i < extra; i++) {
                floor.merge(order.get(i), BigInteger.ONE, BigInteger::add);
            }
            floor.forEach((id, c) -> nav.put(id, new BigDecimal(c, 2)));
            return nav;
        }

        public LocalDate asOf() {
            return asOf;
        }
    }
}
