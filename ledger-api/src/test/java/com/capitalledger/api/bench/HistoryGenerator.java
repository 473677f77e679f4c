package com.capitalledger.api.bench;

import com.capitalledger.core.calc.LargestRemainder;
import com.capitalledger.core.calc.Ratios;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.Lender;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.Rate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A deterministic, realistic history for the benchmark: daily SOFR fixings over two years, then programs of four
 * partners and two tranches with calls, draws, repayments, repricings, defaults and cures in effective-date order,
 * amounts that do not divide evenly and splits computed as the ledger computes them. A draw the gearing covenant would
 * stop is left out, so the ledger's own decision code accepts every event of it.
 */
final class HistoryGenerator {

    record Event(String aggregateId, long sequence, Object payload) {
    }

    private static final CurrencyCode USD = new CurrencyCode("USD");
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 730;
    private static final BigDecimal MAX_DEBT_PCT = BigDecimal.valueOf(90);

    private final Random random = new Random(20251125L);

    /** Emits about {@code total} events: the fixings first, then program after program. */
    void generate(int total, int eventsPerProgram, Consumer<Event> sink) {
        fixings(sink);
        int emitted = DAYS;
        for (int program = 0; emitted < total; program++) {
            emitted += program(program, Math.min(eventsPerProgram, total - emitted), sink);
        }
    }

    /** The fixings, then one program of each size (P0, P1, ...). */
    void generate(int[] programSizes, Consumer<Event> sink) {
        fixings(sink);
        for (int program = 0; program < programSizes.length; program++) {
            program(program, programSizes[program], sink);
        }
    }

    private void fixings(Consumer<Event> sink) {
        BaseRateName sofr = new BaseRateName("SOFR");
        for (int day = 0; day < DAYS; day++) {
            BigDecimal pct = BigDecimal.valueOf(420_000 + random.nextInt(30_000), 5);
            sink.accept(new Event(sofr.streamId(), day, new BaseRateFixed(sofr, new Rate(pct), START.plusDays(day))));
        }
    }

    private int program(int number, int events, Consumer<Event> sink) {
        ProgramId id = new ProgramId("P" + number);
        // Longer programs move smaller amounts, so that every event stays within commitments, budgets and the covenant.
        long scale = Math.max(1, events / 1_000);
        List<Object> out = new ArrayList<>();
        PhaseId phase = new PhaseId("PH1");
        out.add(new ProgramCreated(id, "Program " + number, USD, usd(500_000_000_000L), new Percentage(MAX_DEBT_PCT), START));
        out.add(new PhaseCreated(id, phase, "Phase one", usd(400_000_000_000L), START));
        Map<String, BigDecimal> committed = new TreeMap<>(Map.of("MGX", money(50_000_000_000L), "OPENAI", money(190_000_000_000L),
                "ORACLE", money(70_000_000_000L), "SOFTBANK", money(190_000_000_000L)));
        Map<String, BigDecimal> called = new TreeMap<>();
        committed.forEach((investor, amount) -> {
            out.add(new EquityCommitted(id, new InvestorId(investor), investor, new Money(amount, USD), START));
            called.put(investor, BigDecimal.ZERO.setScale(2));
        });
        List<TrancheId> tranches = List.of(new TrancheId("SENIOR"), new TrancheId("MEZZ"));
        Map<TrancheId, SortedMap<String, BigDecimal[]>> lenders = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        for (TrancheId tranche : tranches) {
            SortedMap<String, BigDecimal[]> syndicate = new TreeMap<>();
            List<Lender> lenderList = new ArrayList<>();
            for (String lender : List.of("BANK-A", "BANK-B", "BANK-C")) {
                BigDecimal commitment = money(60_000_000_000L);
                syndicate.put(lender, new BigDecimal[]{commitment, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
                lenderList.add(new Lender(new LenderId(lender), lender, new Money(commitment, USD)));
            }
            lenders.put(tranche, syndicate);
            out.add(new TrancheCreated(id, tranche, phase, tranche.value(), tranche.value().equals("SENIOR")
                    ? Seniority.SENIOR : Seniority.MEZZANINE, usd(180_000_000_000L), sofr(), new Rate(new BigDecimal("2.2500")),
                    new Rate(new BigDecimal("0.3500")), START.plusDays(DAYS), lenderList, START));
        }
        Map<String, BigDecimal> lastAllocations = new TreeMap<>();
        String openDefault = null;
        String defaulter = null;
        BigDecimal defaultedAmount = null;
        int calls = 0;
        int draws = 0;
        int repayments = 0;
        BigDecimal paidIn = BigDecimal.ZERO.setScale(2);
        BigDecimal debt = BigDecimal.ZERO.setScale(2);
        while (out.size() < events) {
            LocalDate day = START.plusDays((long) (out.size()) * (DAYS - 1) / Math.max(events, 1));
            int kind = random.nextInt(100);
            TrancheId tranche = tranches.get(random.nextInt(2));
            SortedMap<String, BigDecimal[]> syndicate = lenders.get(tranche);
            if (kind < 35) {
                SortedMap<String, BigDecimal> unfunded = new TreeMap<>();
                String excluded = openDefault == null ? null : defaulter;
                committed.forEach((investor, amount) -> {
                    if (!investor.equals(excluded)) {
                        unfunded.put(investor, amount.subtract(called.get(investor)));
                    }
                });
                BigDecimal amount = BigDecimal.valueOf((1_000_000_00L + random.nextInt(900_000_000)) / scale, 2);
                List<Allocation> allocations = new ArrayList<>();
                lastAllocations.clear();
                LargestRemainder.split(amount, unfunded).forEach((investor, share) -> {
                    lastAllocations.put(investor, share);
                    allocations.add(new Allocation(new InvestorId(investor), new Money(share, USD)));
                    called.merge(investor, share, BigDecimal::add);
                });
                out.add(new CapitalCalled(id, new CallId("C" + ++calls), phase, new Money(amount, USD), "works",
                        allocations, day));
                paidIn = paidIn.add(amount);
            } else if (kind < 75) {
                BigDecimal amount = BigDecimal.valueOf((5_000_000_00L + random.nextInt(900_000_000)) / scale, 2);
                if (!Ratios.withinGearing(debt.add(amount), paidIn, MAX_DEBT_PCT)) {
                    continue;
                }
                debt = debt.add(amount);
                SortedMap<String, BigDecimal> undrawn = new TreeMap<>();
                syndicate.forEach((lender, f) -> undrawn.put(lender, f[0].subtract(f[1])));
                List<LenderShare> shares = new ArrayList<>();
                LargestRemainder.split(amount, undrawn).forEach((lender, share) -> {
                    shares.add(new LenderShare(new LenderId(lender), new Money(share, USD)));
                    syndicate.get(lender)[1] = syndicate.get(lender)[1].add(share);
                });
                out.add(new TrancheDrawn(id, tranche, new DrawId("D" + ++draws), new Money(amount, USD), shares, day));
            } else if (kind < 88) {
                SortedMap<String, BigDecimal> outstanding = new TreeMap<>();
                syndicate.forEach((lender, f) -> outstanding.put(lender, f[1].subtract(f[2])));
                BigDecimal total = outstanding.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal amount = BigDecimal.valueOf((1_000_000_00L + random.nextInt(100_000_000)) / scale, 2);
                if (total.compareTo(amount) < 0) {
                    continue;
                }
                debt = debt.subtract(amount);
                List<LenderShare> shares = new ArrayList<>();
                LargestRemainder.split(amount, outstanding).forEach((lender, share) -> {
                    shares.add(new LenderShare(new LenderId(lender), new Money(share, USD)));
                    syndicate.get(lender)[2] = syndicate.get(lender)[2].add(share);
                });
                out.add(new TrancheRepaid(id, tranche, new RepaymentId("R" + ++repayments), new Money(amount, USD),
                        shares, day));
            } else if (kind < 93) {
                out.add(new TrancheRepriced(id, tranche, new Rate(BigDecimal.valueOf(20_000 + random.nextInt(10_000), 4)),
                        day));
            } else if (openDefault == null && lastAllocations.containsKey("MGX")) {
                openDefault = "C" + calls;
                defaulter = "MGX";
                defaultedAmount = lastAllocations.get("MGX");
                out.add(new CallDefaultRecorded(id, new CallId(openDefault), new InvestorId(defaulter),
                        new Money(defaultedAmount, USD), day));
                paidIn = paidIn.subtract(defaultedAmount);
            } else if (openDefault != null) {
                out.add(new CallDefaultCured(id, new CallId(openDefault), new InvestorId(defaulter),
                        new Money(defaultedAmount, USD), day));
                paidIn = paidIn.add(defaultedAmount);
                openDefault = null;
            }
        }
        for (int i = 0; i < out.size(); i++) {
            sink.accept(new Event(id.value(), i, out.get(i)));
        }
        return out.size();
    }

    private static BaseRateName sofr() {
        return new BaseRateName("SOFR");
    }

    private static BigDecimal money(long dollars) {
        return BigDecimal.valueOf(dollars * 100, 2);
    }

    private static Money usd(long dollars) {
        return new Money(money(dollars), USD);
    }
}
