package com.capitalledger.projections.fold.returns;

import com.capitalledger.core.calc.LargestRemainder;
import com.capitalledger.core.calc.Xirr;
import com.capitalledger.core.shared.Money;
import com.capitalledger.projections.fold.cashflow.CashFlows;
import com.capitalledger.projections.fold.cashflow.DistributionView;
import com.capitalledger.projections.fold.equity.EquityMovement;
import com.capitalledger.projections.fold.equity.InvestorPosition;
import com.capitalledger.projections.fold.equity.InvestorPositions;
import com.capitalledger.projections.fold.returns.ReturnsView.NavBasis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Returns of one program's investors as of a date (section 10), folded from the read models' facts effective by then
 * and known at the query's instant: the investors' dated contributions and distributions, and NAV from the latest
 * valuation on or before the date, split pro rata to paid-in by largest remainder (or paid-in when there is none).
 *
 * <p>A contribution is a capital-call allocation on the call's effective date; an allocation whose default is open
 * is not one, and a cured one counts on the date it was cured. Their sum is therefore paid-in.
 */
public final class Returns {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.SCALE);
    private static final int MULTIPLE_SCALE = 4;

    private final LocalDate asOf;
    private final List<InvestorPosition> positions;
    private final Map<String, SortedMap<LocalDate, BigDecimal>> contributions;
    private final Map<String, SortedMap<LocalDate, BigDecimal>> distributions;
    private final Map<String, BigDecimal> nav;
    private final BigDecimal programNav;
    private final NavBasis basis;

    private Returns(LocalDate asOf, List<InvestorPosition> positions,
                    Map<String, SortedMap<LocalDate, BigDecimal>> contributions,
                    Map<String, SortedMap<LocalDate, BigDecimal>> distributions, BigDecimal valuation) {
        this.asOf = asOf;
        this.positions = positions;
        this.contributions = contributions;
        this.distributions = distributions;
        SortedMap<String, BigDecimal> paidIn = new TreeMap<>();
        positions.forEach(p -> paidIn.put(p.investorId(), p.paidIn()));
        BigDecimal totalPaidIn = paidIn.values().stream().reduce(ZERO, BigDecimal::add);
        // Equity valued before anyone paid in has nobody to belong to: NAV stays at cost (zero) until someone has.
        if (valuation == null || totalPaidIn.signum() == 0) {
            this.nav = new HashMap<>(paidIn);
            this.programNav = totalPaidIn;
            this.basis = NavBasis.COST;
        } else {
            this.nav = LargestRemainder.split(valuation, paidIn);
            this.programNav = valuation;
            this.basis = NavBasis.VALUATION;
        }
    }

    /**
     * @param movements the program's equity movements effective by {@code asOf} and known at the query's instant, in
     *                  stream order
     * @param investors those movements folded
     * @param cashFlows the program's cash-flow facts effective by {@code asOf} and known then, folded
     */
    public static Returns of(LocalDate asOf, List<EquityMovement> movements, InvestorPositions investors,
                             CashFlows cashFlows) {
        Map<String, SortedMap<LocalDate, BigDecimal>> distributions = new HashMap<>();
        for (DistributionView distribution : cashFlows.distributions()) {
            distribution.allocations().forEach(a -> distributions.computeIfAbsent(a.investorId(), id -> new TreeMap<>())
                    .merge(distribution.paymentDate(), a.amount(), BigDecimal::add));
        }
        return new Returns(asOf, investors.positions(), contributions(movements), distributions,
                cashFlows.latestValuation().map(v -> v.equityValue().amount()).orElse(null));
    }

    /**
     * Each allocation on its call's date, taken back by a default from the date it counted on (the call's, or an
     * earlier cure's, when it defaults again) and given again on the date of its cure.
     */
    private static Map<String, SortedMap<LocalDate, BigDecimal>> contributions(List<EquityMovement> movements) {
        Map<String, LocalDate> countedOn = new HashMap<>();
        Map<String, SortedMap<LocalDate, BigDecimal>> contributions = new HashMap<>();
        for (EquityMovement movement : movements) {
            SortedMap<LocalDate, BigDecimal> flows = contributions.computeIfAbsent(movement.investorId(),
                    id -> new TreeMap<>());
            String allocation = movement.callId() + "/" + movement.investorId();
            switch (movement.kind()) {
                case CALLED -> {
                    countedOn.put(allocation, movement.effectiveDate());
                    flows.merge(movement.effectiveDate(), movement.called(), BigDecimal::add);
                }
                case DEFAULTED -> flows.merge(countedOn.getOrDefault(allocation, movement.effectiveDate()),
                        movement.defaulted().negate(), BigDecimal::add);
                case CURED -> {
                    countedOn.put(allocation, movement.effectiveDate());
                    flows.merge(movement.effectiveDate(), movement.defaulted().negate(), BigDecimal::add);
                }
                default -> {
                    // Commitments move no money.
                }
            }
        }
        contributions.values().forEach(flows -> flows.values().removeIf(amount -> amount.signum() == 0));
        return contributions;
    }

    /** The {@code returns} document. */
    public ReturnsView view(String programId, Instant knownAt) {
        List<ReturnsView.InvestorReturns> investors = new ArrayList<>();
        List<Xirr.Flow> programFlows = new ArrayList<>();
        BigDecimal contributed = ZERO;
        BigDecimal distributed = ZERO;
        for (InvestorPosition position : positions) {
            String id = position.investorId();
            List<Xirr.Flow> flows = flows(id);
            programFlows.addAll(flows.subList(0, flows.size() - 1));
            BigDecimal in = contributed(id, null, null);
            BigDecimal out = distributed(id, null, null);
            BigDecimal investorNav = nav(id);
            contributed = contributed.add(in);
            distributed = distributed.add(out);
            investors.add(new ReturnsView.InvestorReturns(id, in, out, investorNav, basis, multiple(out, in),
                    multiple(investorNav, in), multiple(out.add(investorNav), in), irr(flows)));
        }
        programFlows.add(new Xirr.Flow(asOf, programNav));
        return new ReturnsView(programId, asOf, knownAt, investors, new ReturnsView.ProgramReturns(contributed,
                distributed, programNav, basis, multiple(distributed, contributed), multiple(programNav, contributed),
                multiple(distributed.add(programNav), contributed), irr(programFlows)));
    }

    /** The investor's NAV on the as-of date (zero for an investor the program does not know). */
    public BigDecimal nav(String investorId) {
        return nav.getOrDefault(investorId, ZERO);
    }

    public BigDecimal programNav() {
        return programNav;
    }

    public NavBasis basis() {
        return basis;
    }

    /** Contributions dated from {@code from} to {@code to} inclusive; null bounds are open. */
    public BigDecimal contributed(String investorId, LocalDate from, LocalDate to) {
        return sum(contributions.get(investorId), from, to);
    }

    /** Distributions paid from {@code from} to {@code to} inclusive; null bounds are open. */
    public BigDecimal distributed(String investorId, LocalDate from, LocalDate to) {
        return sum(distributions.get(investorId), from, to);
    }

    public List<InvestorPosition> positions() {
        return positions;
    }

    /** Contributions negative, distributions positive, and NAV on the as-of date last. */
    private List<Xirr.Flow> flows(String investorId) {
        List<Xirr.Flow> flows = new ArrayList<>();
        contributions.getOrDefault(investorId, new TreeMap<>())
                .forEach((date, amount) -> flows.add(new Xirr.Flow(date, amount.negate())));
        distributions.getOrDefault(investorId, new TreeMap<>())
                .forEach((date, amount) -> flows.add(new Xirr.Flow(date, amount)));
        flows.add(new Xirr.Flow(asOf, nav(investorId)));
        return flows;
    }

    private static BigDecimal irr(List<Xirr.Flow> flows) {
        return Xirr.irrPct(flows).orElse(null);
    }

    /** A multiple of what was contributed, rounded once to 4 dp; null when nothing was. */
    private static BigDecimal multiple(BigDecimal amount, BigDecimal contributed) {
        return contributed.signum() == 0 ? null : amount.divide(contributed, MULTIPLE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal sum(SortedMap<LocalDate, BigDecimal> flows, LocalDate from, LocalDate to) {
        if (flows == null) {
            return ZERO;
        }
        SortedMap<LocalDate, BigDecimal> range = flows;
        if (from != null) {
            range = range.tailMap(from);
        }
        if (to != null) {
            range = range.headMap(to.plusDays(1));
        }
        return range.values().stream().reduce(ZERO, BigDecimal::add);
    }
}
