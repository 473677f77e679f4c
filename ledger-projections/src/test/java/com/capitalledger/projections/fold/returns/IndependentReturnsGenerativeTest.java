package com.capitalledger.projections.fold.returns;

import com.capitalledger.core.cashflow.independent.ReturnsHistory;
import com.capitalledger.core.cashflow.independent.SimpleIrr;
import com.capitalledger.core.cashflow.independent.SimpleReturns;
import com.capitalledger.core.generative.Generative;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.Journal;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.cashflow.CashFlowFact;
import com.capitalledger.projections.fold.cashflow.CashFlows;
import com.capitalledger.projections.fold.equity.EquityMovement;
import com.capitalledger.projections.fold.equity.EquityMovements;
import com.capitalledger.projections.fold.equity.InvestorPositions;
import com.capitalledger.projections.fold.positions.PositionsFold;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Section 10's acceptance for returns and capital accounts: an independent computation ({@link SimpleReturns} and
 * {@link SimpleIrr}, written from DESIGN alone) agrees figure by figure with the read models' folds on seeded random
 * programs ({@link ReturnsHistory}, decided by the production decider): returns at several as-of dates (every payment
 * and valuation date among them) and capital accounts over several periods, as known now and as known at an instant
 * in the past. The IRR is compared exactly at 4 dp; only the few whose exact value lies within 1e-6 % of a rounding
 * boundary, or whose flows may have several rates (calls after distributions; DESIGN does not say which rate), are
 * left out, and counted. A longer hunt: {@code -Dledger.generative.cases=1000}.
 */
class IndependentReturnsGenerativeTest {

    private static final int CASES = 60;
    private static final String P = "GEN";
    private static final BigDecimal CEILING = new BigDecimal("1e8");

    @Test
    void theReadModelsAgreeWithAnIndependentComputationFigureByFigure() {
        Tally tally = new Tally();
        Generative.forAll(CASES, random -> new Case(random, tally), Case::check);
        int cases = Generative.cases(CASES);
        assertThat(tally.returns).as("returns documents compared").isGreaterThanOrEqualTo(8 * cases);
        assertThat(tally.accounts).as("capital accounts compared").isGreaterThanOrEqualTo(4 * cases);
        assertThat(tally.irrs).as("IRRs compared exactly").isGreaterThanOrEqualTo(20 * cases);
        assertThat(tally.irrValues).as("IRRs with a value compared").isGreaterThanOrEqualTo(10 * cases);
        // Near a boundary: about 2 % of values by chance (1e-6 either side of every 1e-4).
        assertThat(tally.nearBoundary).as("IRRs within 1e-6 % of a rounding boundary")
                .isLessThanOrEqualTo(Math.max(2, tally.irrs / 25));
        assertThat(tally.ambiguous).as("IRRs whose flows may have several rates")
                .isLessThanOrEqualTo(Math.max(2, tally.irrs / 10));
        System.out.printf("independent returns: %d cases (seeds %d-%d), %d returns documents, %d capital accounts,"
                        + " %d IRRs compared (%d with a value), %d skipped near a rounding boundary,"
                        + " %d skipped with several possible rates, %d above 1e8 %% (null from the solver)%n",
                cases, Generative.SEED, Generative.SEED + cases - 1, tally.returns, tally.accounts, tally.irrs,
                tally.irrValues, tally.nearBoundary, tally.ambiguous, tally.aboveCeiling);
    }

    private static final class Tally {
        int returns;
        int accounts;
        int irrs;
        int irrValues;
        int nearBoundary;
        int ambiguous;
        int aboveCeiling;
    }

    private static final class Case {
        private final Random random;
        private final Tally tally;
        private final ReturnsHistory history;
        private final List<Recorded<?>> journal;
        private final SimpleReturns model;
        private final PositionsFold fold;

        Case(Random random, Tally tally) {
            this.random = random;
            this.tally = tally;
            this.history = ReturnsHistory.generate(random, P);
            Journal entries = new Journal();
            history.events().forEach(entries::add);
            this.journal = entries.entries();
            this.model = new SimpleReturns(history.events());
            this.fold = PositionsFold.of(journal, P);
        }

        @Override
        public String toString() {
            return history.toString();
        }

        /** The instant at which the first {@code known} events are recorded and no later one. */
        private static Instant knownAt(int known) {
            return Journal.START.plusSeconds(60L * (known - 1));
        }

        void check() {
            int all = history.events().size();
            int past = all / 2 + random.nextInt(all - all / 2);
            TreeSet<LocalDate> dates = new TreeSet<>();
            dates.add(history.start());
            dates.add(history.end());
            dates.add(history.end().plusDays(90));
            for (int i = 0; i < 4; i++) {
                dates.add(history.start().plusDays(random.nextInt(
                        (int) (history.end().toEpochDay() - history.start().toEpochDay()) + 1)));
            }
            history.paymentDates().forEach(d -> {
                dates.add(d);
                dates.add(d.minusDays(1));
            });
            dates.addAll(history.valuationDates().stream().filter(d -> !d.isBefore(history.start())).toList());
            for (LocalDate asOf : dates) {
                compareReturns(asOf, all);
            }
            List<LocalDate> list = new ArrayList<>(dates);
            for (int i = 0; i < 3; i++) {
                compareReturns(list.get(random.nextInt(list.size())), past);
            }
            for (int i = 0; i < 4; i++) {
                LocalDate a = list.get(random.nextInt(list.size()));
                LocalDate b = list.get(random.nextInt(list.size()));
                LocalDate from = a.isBefore(b) ? a : b;
                LocalDate to = a.isBefore(b) ? b : a;
                compareAccounts(from, to, all);
                if (i == 0) {
                    compareAccounts(from, to, past);
                }
            }
            // The whole history as one period: the roll-forward from nothing.
            compareAccounts(history.start(), history.end(), all);
        }

        private void compareReturns(LocalDate asOf, int known) {
            String at = "returns as of " + asOf + " known after " + known + " of " + history.events().size()
                    + " events: ";
            ReturnsView view = fold.returns(new Bitemporal(asOf, knownAt(known))).orElseThrow();
            SimpleReturns.Returns mine = model.returns(asOf, known);
            assertThat(view.investors().stream().map(ReturnsView.InvestorReturns::investorId).toList())
                    .as(at + "investors").containsExactlyInAnyOrderElementsOf(mine.investors().keySet());
            for (ReturnsView.InvestorReturns r : view.investors()) {
                SimpleReturns.Figures m = mine.investors().get(r.investorId());
                compare(at + r.investorId() + ".", List.of(r.contributed(), r.distributed(), r.nav()), r.navBasis(),
                        r.dpi(), r.rvpi(), r.tvpi(), r.irrPct(), m);
            }
            ReturnsView.ProgramReturns p = view.program();
            compare(at + "program.", List.of(p.contributed(), p.distributed(), p.nav()), p.navBasis(), p.dpi(),
                    p.rvpi(), p.tvpi(), p.irrPct(), mine.program());
            tally.returns++;
        }

        private void compare(String at, List<BigDecimal> amounts, ReturnsView.NavBasis basis, BigDecimal dpi,
                             BigDecimal rvpi, BigDecimal tvpi, BigDecimal irrPct, SimpleReturns.Figures m) {
            assertThat(amounts).as(at + "contributed, distributed, nav")
                    .containsExactly(m.contributed(), m.distributed(), m.nav());
            assertThat(basis.name()).as(at + "navBasis").isEqualTo(m.navBasis());
            assertThat(dpi).as(at + "dpi").isEqualTo(m.dpi());
            assertThat(rvpi).as(at + "rvpi").isEqualTo(m.rvpi());
            assertThat(tvpi).as(at + "tvpi").isEqualTo(m.tvpi());
            SimpleIrr.Answer irr = m.irr();
            if (irr.ambiguous()) {
                tally.ambiguous++;
            } else if (irr.nearRoundingBoundary()) {
                tally.nearBoundary++;
            } else if (irr.exactPct() != null && irr.exactPct().abs().compareTo(CEILING) > 0) {
                // DESIGN gives these a rate; the solver (calc.Xirr) reports none above 1e8 % by its own documented
                // choice (a double no longer states the fourth decimal there). Counted and reported, not hidden.
                assertThat(irrPct).as(at + "irrPct above the solver's ceiling (exact " + irr.exactPct() + ")")
                        .isNull();
                tally.aboveCeiling++;
            } else {
                assertThat(irrPct).as(at + "irrPct (exact " + irr.exactPct() + ", flows " + m.flows() + ")").isEqualTo(irr.pct());
                tally.irrs++;
                if (irrPct != null) {
                    tally.irrValues++;
                }
            }
        }

        private void compareAccounts(LocalDate from, LocalDate to, int known) {
            String at = "capital accounts " + from + " to " + to + " known after " + known + " events: ";
            Instant instant = knownAt(known);
            CapitalAccountsView view = new CapitalAccounts(P, from, to, instant,
                    production(new Bitemporal(from.minusDays(1), instant)),
                    production(new Bitemporal(to, instant))).all();
            Map<String, SimpleReturns.Account> mine = model.capitalAccounts(from, to, known);
            assertThat(view.investors().stream().map(CapitalAccountsView.InvestorAccount::investorId).toList())
                    .as(at + "investors").containsExactlyInAnyOrderElementsOf(mine.keySet());
            BigDecimal[] sum = new BigDecimal[7];
            java.util.Arrays.fill(sum, new BigDecimal("0.00"));
            for (CapitalAccountsView.InvestorAccount a : view.investors()) {
                SimpleReturns.Account m = mine.get(a.investorId());
                List<BigDecimal> figures = List.of(a.beginningNav(), a.contributions(), a.distributions(),
                        a.netChangeInValue(), a.endingNav(), a.committed(), a.unfunded());
                assertThat(figures).as(at + a.investorId()
                                + " beginningNav, contributions, distributions, netChangeInValue, endingNav,"
                                + " committed, unfunded")
                        .containsExactly(m.beginningNav(), m.contributions(), m.distributions(),
                                m.netChangeInValue(), m.endingNav(), m.committed(), m.unfunded());
                // The roll-forward identity, on the ledger's own figures.
                assertThat(a.beginningNav().add(a.contributions()).subtract(a.distributions())
                        .add(a.netChangeInValue())).as(at + a.investorId() + " roll-forward").isEqualTo(a.endingNav());
                for (int i = 0; i < 7; i++) {
                    sum[i] = sum[i].add(figures.get(i));
                }
                tally.accounts++;
            }
            CapitalAccountView.Figures p = view.program();
            assertThat(List.of(p.beginningNav(), p.contributions(), p.distributions(), p.netChangeInValue(),
                    p.endingNav(), p.committed(), p.unfunded())).as(at + "program = Σ investors")
                    .containsExactly(sum);
            // The program's NAV at both ends is the returns document's program NAV on those dates.
            SimpleReturns.Returns before = model.returns(from.minusDays(1), known);
            SimpleReturns.Returns end = model.returns(to, known);
            assertThat(List.of(p.beginningNav(), p.endingNav())).as(at + "program NAV at both ends")
                    .containsExactly(before.program().nav(), end.program().nav());
        }

        /** The production's returns fold at one instant, as PositionsService assembles it from the read models. */
        private Returns production(Bitemporal at) {
            List<EquityMovement> movements = new ArrayList<>();
            List<CashFlowFact> facts = new ArrayList<>();
            for (Recorded<?> recorded : journal) {
                EquityMovements.of(recorded).stream().filter(m -> m.programId().equals(P))
                        .filter(m -> at.includes(m.effectiveDate(), m.recordedAt())).forEach(movements::add);
                CashFlowFact.of(recorded).filter(f -> f.programId().equals(P))
                        .filter(f -> at.includes(f.effectiveDate(), f.recordedAt())).ifPresent(facts::add);
            }
            return Returns.of(at.asOf(), movements, new InvestorPositions(new CurrencyCode("USD")).applyAll(movements),
                    new CashFlows().applyAll(facts));
        }
    }
}
