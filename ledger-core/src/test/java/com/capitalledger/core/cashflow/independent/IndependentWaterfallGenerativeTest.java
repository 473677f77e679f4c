package com.capitalledger.core.cashflow.independent;

import com.capitalledger.core.cashflow.api.EventOfDefaultId;
import com.capitalledger.core.cashflow.api.ProposedInstallment;
import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
import com.capitalledger.core.cashflow.api.WaiveEventOfDefault;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.CureCallDefault;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.generative.Generative;
import com.capitalledger.core.program.ProgramDecider;
import com.capitalledger.core.program.ProgramState;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.rates.BaseRateDecider;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramEvent;
import com.capitalledger.core.shared.ProgramId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Section 10's acceptance: an independent computation ({@link SimpleWaterfall}, written from DESIGN alone) agrees with
 * the production decider figure by figure on seeded random programs of 8 or more periods each (investors defaulting
 * and curing, senior and mezzanine tranches with several lenders, draws, voluntary repayments, fixings and
 * repricings, some back-dated, schedules, negative CFADS, waivers). The production code is only the black box under
 * test. A failure names its seed ({@link Generative}); a longer hunt: {@code -Dledger.generative.cases=5000}.
 */
class IndependentWaterfallGenerativeTest {

    private static final int CASES = 200;
    private static final ProgramId P = new ProgramId("GEN");
    private static final PhaseId PH = new PhaseId("PH");

    @Test
    void theLedgerAgreesWithAnIndependentWaterfallFigureByFigure() {
        int[] periods = {0};
        Generative.forAll(CASES, Case::new, c -> periods[0] += c.run());
        assertThat(periods[0]).isGreaterThanOrEqualTo(8 * Generative.cases(CASES));
    }

    private static BigDecimal money(Random random, long minCents, long maxCents) {
        return BigDecimal.valueOf(minCents + (long) (random.nextDouble() * (maxCents - minCents)), 2);
    }

    /** One generated program, driven through the production decider and the independent model side by side. */
    private static final class Case {
        private final Random random;
        private final ProgramState state = ProgramState.none();
        private final BaseRateHistory fixings = new BaseRateHistory();
        private final SimpleWaterfall model = new SimpleWaterfall();
        private final List<String> log = new ArrayList<>();
        private LocalDate clock;
        private int ids;
        private final List<String> calls = new ArrayList<>();

        Case(Random random) {
            this.random = random;
        }

        @Override
        public String toString() {
            return log.size() + " commands accepted, the last " + (log.isEmpty() ? "none" : log.get(log.size() - 1));
        }

        private ProgramEvent accept(ProgramCommand command) {
            ProgramEvent event;
            try {
                event = ProgramDecider.decide(state, command, fixings);
            } catch (LedgerRejection refused) {
                return null;
            }
            state.evolve(event);
            log.add(command.toString());
            return event;
        }

        private void fix(LocalDate day) {
            BigDecimal rate = BigDecimal.valueOf(200_000 + random.nextInt(400_000), 5);
            BaseRateFixed fixed = (BaseRateFixed) BaseRateDecider.decide(new RecordBaseRateFixing("SOFR", rate, day));
            fixings.apply(fixed);
            model.fixings.computeIfAbsent("SOFR", k -> new java.util.TreeMap<>()).put(day, rate);
            log.add("fixing " + rate + " on " + day);
        }

        private LocalDate later(int maxDays) {
            clock = clock.plusDays(random.nextInt(maxDays + 1));
            return clock;
        }

        int run() {
            LocalDate start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
            clock = start;
            accept(new CreateProgram(P, "Gen", "USD", new BigDecimal("10000000000.00"), new BigDecimal("90"), start));
            accept(new CreatePhase(P, PH, "Phase", new BigDecimal("10000000000.00"), "USD", start));
            fix(start);
            int investorCount = 2 + random.nextInt(3);
            for (int i = 0; i < investorCount; i++) {
                String id = "I" + i;
                if (accept(new CommitEquity(P, new InvestorId(id), id, money(random, 100_000_000, 5_000_000_000L),
                        "USD", start)) != null) {
                    model.investors.put(id, new SimpleWaterfall.Investor(id));
                }
            }
            int trancheCount = 1 + random.nextInt(3);
            for (int t = 0; t < trancheCount; t++) {
                String id = "T" + t;
                boolean senior = t == 0 || random.nextBoolean();
                int lenders = 1 + random.nextInt(3);
                List<LenderCommitment> commitments = new ArrayList<>();
                BigDecimal total = BigDecimal.ZERO.setScale(2);
                for (int l = 0; l < lenders; l++) {
                    BigDecimal c = money(random, 50_000_000, 3_000_000_000L);
                    commitments.add(new LenderCommitment(new LenderId(id + "L" + l), "L" + l, c));
                    total = total.add(c);
                }
                BigDecimal margin = BigDecimal.valueOf(random.nextInt(40_000), 4);
                BigDecimal fee = BigDecimal.valueOf(random.nextInt(10_000), 4);
                LocalDate availability = start.plusDays(150 + random.nextInt(500));
                if (accept(new CreateTranche(P, new TrancheId(id), PH, id, senior ? Seniority.SENIOR : Seniority.MEZZANINE,
                        total, "USD", "SOFR", margin, fee, availability, commitments, start)) != null) {
                    model.tranches.put(id, new SimpleWaterfall.Tranche(id, senior, "SOFR", start, availability, total,
                            margin, fee, commitments.stream().map(c -> c.lenderId().value()).toList()));
                }
            }
            // construction: calls and draws
            for (int k = 0; k < 4; k++) {
                later(40);
                construction();
            }
            LocalDate operationsStart = clock.plusDays(1 + random.nextInt(120));
            int months = random.nextInt(4) == 0 ? 6 : 3;
            BigDecimal defaultDscr = BigDecimal.valueOf(8_000 + random.nextInt(6_000), 4);
            BigDecimal lockUpDscr = defaultDscr.add(BigDecimal.valueOf(random.nextInt(8_000), 4));
            int dsraPeriods = random.nextInt(5);
            accept(new SetOperatingTerms(P, operationsStart, months, lockUpDscr, defaultDscr, dsraPeriods, later(5)));
            model.operationsStart = operationsStart;
            model.periodMonths = months;
            model.lockUpDscr = lockUpDscr;
            model.defaultDscr = defaultDscr;
            model.dsraPeriods = dsraPeriods;
            int periodCount = 8 + random.nextInt(5);
            List<LocalDate> ends = new ArrayList<>();
            LocalDate end = model.firstPeriodEnd();
            for (int i = 0; i < periodCount; i++) {
                ends.add(end);
                end = model.nextPeriodEnd(end);
            }
            for (String t : model.tranches.keySet()) {
                if (random.nextInt(5) > 0) {
                    schedule(t, ends);
                }
            }
            for (LocalDate periodEnd : ends) {
                operate(periodEnd);
            }
            return ends.size();
        }

        private void schedule(String t, List<LocalDate> ends) {
            int first = random.nextInt(3);
            int count = 1 + random.nextInt(Math.min(5, ends.size() - first));
            List<ProposedInstallment> installments = new ArrayList<>();
            int left = 1_000_000;
            for (int k = 0; k < count; k++) {
                int pct = k == count - 1 ? left : 1 + random.nextInt(left / (count - k));
                left -= pct;
                installments.add(new ProposedInstallment(ends.get(first + k * (ends.size() - first) / count).plusDays(1),
                        BigDecimal.valueOf(pct, 4)));
            }
            if (accept(new SetRepaymentSchedule(P, new TrancheId(t), installments, clock)) != null) {
                SimpleWaterfall.Tranche tranche = model.tranches.get(t);
                tranche.dueDates = installments.stream().map(ProposedInstallment::dueDate).toList();
                tranche.pcts = installments.stream().map(ProposedInstallment::pct).toList();
                tranche.installmentPaid = installments.stream().map(i -> SimpleWaterfall.ZERO).toList();
            }
        }

        private void construction() {
            if (random.nextInt(3) > 0) {
                String call = "C" + ids++;
                ProgramEvent e = accept(new CallCapital(P, new CallId(call), PH, money(random, 10_000_000, 400_000_000),
                        "USD", "works", clock));
                if (e instanceof CapitalCalled called) {
                    calls.add(call);
                    for (Allocation a : called.allocations()) {
                        model.investors.get(a.investorId().value()).calls.add(new Object[]{clock, a.amount().amount()});
                    }
                }
            }
            for (String t : model.tranches.keySet()) {
                if (random.nextInt(3) > 0) {
                    draw(t);
                }
            }
        }

        private void draw(String t) {
            ProgramEvent e = accept(new DrawTranche(P, new TrancheId(t), new DrawId("D" + ids++),
                    money(random, 1_000_000, 1_500_000_000L), "USD", clock));
            if (e instanceof TrancheDrawn drawn) {
                SimpleWaterfall.Tranche tranche = model.tranches.get(t);
                BigDecimal a = drawn.amount().amount();
                tranche.moves.add(new SimpleWaterfall.Move(clock, a, a));
                for (LenderShare s : drawn.lenderShares()) {
                    tranche.lenderOutstanding.merge(s.lenderId().value(), s.amount().amount(), BigDecimal::add);
                }
            }
        }

        private void operate(LocalDate periodEnd) {
            LocalDate pay = periodEnd.plusDays(1);
            // a few events during the period (dates up to the payment date itself)
            int events = random.nextInt(4);
            for (int k = 0; k < events; k++) {
                long room = pay.toEpochDay() - clock.toEpochDay();
                if (room > 0) {
                    clock = clock.plusDays(random.nextInt((int) Math.min(room, 60) + 1));
                }
                switch (random.nextInt(8)) {
                    case 0 -> construction();
                    case 1 -> {
                        String t = pick(model.tranches.keySet());
                        BigDecimal out = model.tranches.get(t).outstandingNow();
                        if (out.signum() > 0) {
                            BigDecimal amount = out.multiply(BigDecimal.valueOf(1 + random.nextInt(30)))
                                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
                            ProgramEvent e = accept(new RepayTranche(P, new TrancheId(t),
                                    new RepaymentId("R" + ids++), amount, "USD", clock));
                            if (e instanceof TrancheRepaid repaid) {
                                SimpleWaterfall.Tranche tranche = model.tranches.get(t);
                                tranche.moves.add(new SimpleWaterfall.Move(clock, repaid.amount().amount().negate(),
                                        BigDecimal.ZERO));
                                for (LenderShare s : repaid.lenderShares()) {
                                    tranche.lenderOutstanding.merge(s.lenderId().value(), s.amount().amount().negate(),
                                            BigDecimal::add);
                                }
                            }
                        }
                    }
                    case 2 -> fix(random.nextBoolean() ? clock : clock.minusDays(random.nextInt(200)));
                    case 3 -> {
                        String t = pick(model.tranches.keySet());
                        BigDecimal margin = BigDecimal.valueOf(random.nextInt(40_000), 4);
                        LocalDate day = random.nextBoolean() ? clock : clock.minusDays(random.nextInt(200));
                        if (accept(new RepriceTranche(P, new TrancheId(t), margin, day)) != null) {
                            model.tranches.get(t).margins.put(day, margin);
                        }
                    }
                    case 4, 5 -> {
                        if (!calls.isEmpty()) {
                            String call = calls.get(random.nextInt(calls.size()));
                            String investor = pick(model.investors.keySet());
                            SimpleWaterfall.Investor i = model.investors.get(investor);
                            Object[] open = i.defaults.get(call);
                            if (open == null || open[1] != null) {
                                ProgramEvent e = accept(new RecordCallDefault(P, new CallId(call),
                                        new InvestorId(investor), clock));
                                if (e instanceof com.capitalledger.core.equity.api.CallDefaultRecorded recorded) {
                                    // a default after a cure on the same call: keep the older as cured history
                                    if (open != null) {
                                        i.defaults.put(call + "#" + ids++, open);
                                    }
                                    i.defaults.put(call, new Object[]{clock, null, recorded.amount().amount()});
                                }
                            } else if (accept(new CureCallDefault(P, new CallId(call), new InvestorId(investor),
                                    clock)) != null) {
                                open[1] = clock;
                            }
                        }
                    }
                    default -> {
                        String open = null;
                        for (Map.Entry<String, Boolean> e : model.eventsOfDefault.entrySet()) {
                            if (!e.getValue()) {
                                open = e.getKey();
                            }
                        }
                        if (open != null && accept(new WaiveEventOfDefault(P, new EventOfDefaultId(open), "consent",
                                clock)) != null) {
                            model.eventsOfDefault.put(open, true);
                        }
                    }
                }
            }
            // the period's cash flow: revenue against costs, some periods negative
            BigDecimal revenue = money(random, 0, 60_000_000_000L);
            BigDecimal costs = money(random, 0, random.nextInt(6) == 0 ? 80_000_000_000L : 20_000_000_000L);
            BigDecimal taxes = money(random, 0, 2_000_000_000L);
            BigDecimal capex = money(random, 0, 2_000_000_000L);
            assertThat(accept(new RecordOperatingCashFlow(P, periodEnd, revenue, costs, taxes, capex, "USD"))).isNotNull();
            model.cfads.put(periodEnd, revenue.subtract(costs).subtract(taxes).subtract(capex));
            clock = pay;
            ProgramEvent event = accept(new RunWaterfall(P, periodEnd));
            assertThat(event).as("the waterfall of " + periodEnd).isInstanceOf(WaterfallRun.class);
            compare(periodEnd, (WaterfallRun) event, model.run(periodEnd));
        }

        private String pick(java.util.Set<String> keys) {
            List<String> list = new ArrayList<>(keys);
            return list.get(random.nextInt(list.size()));
        }

        private void compare(LocalDate end, WaterfallRun run, SimpleWaterfall.Result mine) {
            String at = "period " + end + ": ";
            assertThat(run.cashAvailable().amount()).as(at + "cashAvailable").isEqualTo(mine.cashAvailable);
            for (int i = 0; i < 4; i++) {
                WaterfallRun.StepResult s = run.steps().get(i);
                assertThat(s.due().amount()).as(at + s.step() + " due").isEqualTo(mine.due[i]);
                assertThat(s.paid().amount()).as(at + s.step() + " paid").isEqualTo(mine.paid[i]);
                assertThat(s.shortfall().amount()).as(at + s.step() + " shortfall")
                        .isEqualTo(mine.due[i].subtract(mine.paid[i]));
            }
            assertThat(run.tranches().stream().map(t -> t.trancheId().value()).toList()).as(at + "tranches")
                    .isEqualTo(mine.tranches.stream().map(t -> t.id).toList());
            for (int i = 0; i < mine.tranches.size(); i++) {
                WaterfallRun.TranchePayment p = run.tranches().get(i);
                SimpleWaterfall.TrancheResult m = mine.tranches.get(i);
                String t = at + m.id + " ";
                assertThat(p.interestPaid().amount()).as(t + "interestPaid").isEqualTo(m.interestPaid);
                assertThat(p.feePaid().amount()).as(t + "feePaid").isEqualTo(m.feePaid);
                assertThat(p.principalPaid().amount()).as(t + "principalPaid").isEqualTo(m.principalPaid);
                assertThat(p.arrearsAfter().amount()).as(t + "arrearsAfter").isEqualTo(m.arrearsAfter);
                // lenders given nothing may be listed at 0.00: the figures compared are the amounts paid
                assertThat(p.principalShares().stream().filter(s -> s.amount().amount().signum() > 0).map(s -> s.lenderId().value() + "=" + s.amount().amount())
                        .toList()).as(t + "principalShares").isEqualTo(m.shares.entrySet().stream().filter(e -> e.getValue().signum() > 0)
                        .map(e -> e.getKey() + "=" + e.getValue()).toList());
                assertThat(p.installmentsPaid().stream().map(s -> s.dueDate() + "=" + s.amount().amount()).toList())
                        .as(t + "installmentsPaid").isEqualTo(m.installmentsPaid.stream()
                        .map(o -> o[0] + "=" + o[1]).toList());
            }
            WaterfallRun.Dsra d = run.dsra();
            assertThat(List.of(d.opening().amount(), d.drawn().amount(), d.released().amount(),
                    d.toppedUp().amount(), d.closing().amount(), d.target().amount()))
                    .as(at + "dsra opening, drawn, released, toppedUp, closing, target")
                    .isEqualTo(List.of(mine.dsraOpening, mine.dsraDrawn, mine.dsraReleased, mine.dsraToppedUp,
                            mine.dsraClosing, mine.target));
            WaterfallRun.LockUp l = run.lockUp();
            assertThat(List.of(l.opening().amount(), l.trapped().amount(), l.released().amount(),
                    l.closing().amount())).as(at + "lockUp opening, trapped, released, closing")
                    .isEqualTo(List.of(mine.lockOpening, mine.lockTrapped, mine.lockReleased, mine.lockClosing));
            assertThat(run.dscr()).as(at + "dscr").isEqualTo(mine.dscr);
            assertThat(run.distributionTest().passed()).as(at + "distribution test passed").isEqualTo(mine.passed);
            assertThat(run.distributionTest().reasons().stream().map(Enum::name).toList()).as(at + "reasons")
                    .isEqualTo(mine.reasons);
            assertThat(run.distributed().amount()).as(at + "distributed").isEqualTo(mine.distributed);
            assertThat(run.allocations().stream().map(a -> a.investorId().value() + "=" + a.amount().amount()).toList())
                    .as(at + "allocations").isEqualTo(mine.allocations.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList());
            assertThat(run.excluded().stream().map(x -> x.investorId().value() + "=" + x.reason()).toList())
                    .as(at + "excluded").isEqualTo(mine.excluded.stream().map(x -> x + "=IN_DEFAULT").toList());
            assertThat(run.eventsOfDefault().stream().map(e -> e.id().value()).toList()).as(at + "events of default")
                    .isEqualTo(mine.opened);
        }
    }
}
