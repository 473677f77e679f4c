package com.capitalledger.core.cashflow.independent;

import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RecordValuation;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.ValuationRecorded;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.CureCallDefault;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.equity.api.TransferCommitment;
import com.capitalledger.core.program.ProgramDecider;
import com.capitalledger.core.program.ProgramState;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramEvent;
import com.capitalledger.core.shared.ProgramId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded program for the returns check, decided by the production decider (commands it refuses are dropped): 2-5
 * investors committing, calls, defaults and cures (some defaulting again after a cure), commitment increases,
 * reductions and transfers, quarterly operations whose waterfalls distribute (no debt, so every positive CFADS is
 * distributed to the investors not in default), and valuations, some back-dated and some replacing one of the same
 * date, some of zero. {@link #commands} are the accepted commands and {@link #events} their events, in order.
 */
public final class ReturnsHistory {

    private final Random random;
    private final ProgramId program;
    private final PhaseId phase = new PhaseId("PH");
    private final ProgramState state = ProgramState.none();
    private final BaseRateHistory fixings = new BaseRateHistory();
    private final List<ProgramCommand> commands = new ArrayList<>();
    private final List<ProgramEvent> events = new ArrayList<>();
    private final List<String> investors = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final List<LocalDate> valuationDates = new ArrayList<>();
    private final List<LocalDate> paymentDates = new ArrayList<>();
    private LocalDate start;
    private LocalDate clock;
    private int ids;
    private BigDecimal calledTotal = BigDecimal.ZERO;

    private ReturnsHistory(Random random, String programId) {
        this.random = random;
        this.program = new ProgramId(programId);
    }

    public static ReturnsHistory generate(Random random, String programId) {
        ReturnsHistory history = new ReturnsHistory(random, programId);
        history.run();
        return history;
    }

    public List<ProgramCommand> commands() {
        return List.copyOf(commands);
    }

    public List<ProgramEvent> events() {
        return List.copyOf(events);
    }

    public LocalDate start() {
        return start;
    }

    /** The last effective date of the history (the last payment date, or a later valuation). */
    public LocalDate end() {
        return events.stream().map(ProgramEvent::effectiveDate).max(LocalDate::compareTo).orElseThrow();
    }

    public List<LocalDate> valuationDates() {
        return List.copyOf(valuationDates);
    }

    public List<LocalDate> paymentDates() {
        return List.copyOf(paymentDates);
    }

    @Override
    public String toString() {
        return events.size() + " events from " + start + " to " + end() + ", the last "
                + (commands.isEmpty() ? "none" : commands.get(commands.size() - 1));
    }

    private ProgramEvent accept(ProgramCommand command) {
        ProgramEvent event;
        try {
            event = ProgramDecider.decide(state, command, fixings);
        } catch (LedgerRejection refused) {
            return null;
        }
        state.evolve(event);
        commands.add(command);
        events.add(event);
        return event;
    }

    private BigDecimal money(long minCents, long maxCents) {
        return BigDecimal.valueOf(minCents + (long) (random.nextDouble() * (maxCents - minCents)), 2);
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private void run() {
        start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
        clock = start;
        accept(new CreateProgram(program, "Returns", "USD", new BigDecimal("10000000000.00"), new BigDecimal("90"),
                start));
        accept(new CreatePhase(program, phase, "Phase", new BigDecimal("10000000000.00"), "USD", start));
        int count = 2 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String id = "I" + i;
            if (accept(new CommitEquity(program, new InvestorId(id), id, money(10_000_000, 5_000_000_000L), "USD",
                    later(3))) != null) {
                investors.add(id);
            }
        }
        for (int k = 0; k < 3 + random.nextInt(4); k++) {
            later(45);
            call();
            for (int e = random.nextInt(3); e > 0; e--) {
                event();
            }
        }
        LocalDate operationsStart = clock.plusDays(1 + random.nextInt(90));
        accept(new SetOperatingTerms(program, operationsStart, 3, new BigDecimal("1.2000"), new BigDecimal("1.0000"),
                0, clock));
        LocalDate end = operationsStart.withDayOfMonth(1).plusMonths(3 - (operationsStart.getMonthValue() - 1) % 3)
                .minusDays(1);
        for (int p = 4 + random.nextInt(5); p > 0; p--) {
            LocalDate pay = end.plusDays(1);
            for (int e = random.nextInt(4); e > 0; e--) {
                long room = pay.toEpochDay() - clock.toEpochDay();
                clock = clock.plusDays(random.nextInt((int) Math.min(room, 60) + 1));
                event();
            }
            // Mostly positive CFADS, some periods with nothing to distribute.
            BigDecimal revenue = money(0, 2_000_000_000L);
            BigDecimal costs = money(0, random.nextInt(5) == 0 ? 3_000_000_000L : 500_000_000L);
            accept(new RecordOperatingCashFlow(program, end, revenue, costs, money(0, 20_000_000),
                    money(0, 20_000_000), "USD"));
            clock = pay;
            if (accept(new RunWaterfall(program, end)) instanceof WaterfallRun run && !run.allocations().isEmpty()) {
                paymentDates.add(pay);
            }
            end = end.plusDays(1).plusMonths(3).minusDays(1);
        }
        for (int v = random.nextInt(3); v > 0; v--) {
            valuation();
        }
    }

    private LocalDate later(int maxDays) {
        clock = clock.plusDays(random.nextInt(maxDays + 1));
        return clock;
    }

    private void call() {
        String call = "C" + ids++;
        if (accept(new CallCapital(program, new CallId(call), phase, money(1_000_000, 1_500_000_000L), "USD",
                "works", clock)) instanceof CapitalCalled called) {
            calls.add(call);
            calledTotal = calledTotal.add(called.amount().amount());
        }
    }

    /** One event of the history on the clock's date (a valuation may be dated earlier). */
    private void event() {
        switch (random.nextInt(10)) {
            case 0, 1 -> call();
            case 2, 3 -> defaultOrCure();
            case 4 -> defaultOrCure();
            case 5 -> accept(new TransferCommitment(program, new InvestorId(pick(investors)),
                    new InvestorId(pick(investors)), money(100, 500_000_000), "USD", clock));
            case 6 -> accept(random.nextBoolean()
                    ? new IncreaseCommitment(program, new InvestorId(pick(investors)), money(100, 500_000_000), "USD",
                    clock)
                    : new ReduceCommitment(program, new InvestorId(pick(investors)), money(100, 200_000_000), "USD",
                    clock));
            default -> valuation();
        }
    }

    private void defaultOrCure() {
        if (calls.isEmpty()) {
            return;
        }
        CallId call = new CallId(pick(calls));
        InvestorId investor = new InvestorId(pick(investors));
        // The ledger refuses the one that does not apply (NOT_DEFAULTED, ALREADY_DEFAULTED, NOT_ALLOCATED).
        if (accept(new RecordCallDefault(program, call, investor, clock)) == null) {
            accept(new CureCallDefault(program, call, investor, clock));
        }
    }

    private void valuation() {
        LocalDate date;
        int kind = random.nextInt(4);
        if (kind == 0 && !valuationDates.isEmpty()) {
            date = valuationDates.get(random.nextInt(valuationDates.size()));
        } else if (kind == 1) {
            date = clock.minusDays(random.nextInt(300));
        } else {
            date = clock;
        }
        // Around what was called (a multiple of 0.3 to 2.5), some of zero.
        BigDecimal value = random.nextInt(12) == 0 ? new BigDecimal("0.00") : calledTotal.signum() == 0
                ? money(0, 2_000_000_000L)
                : calledTotal.multiply(BigDecimal.valueOf(30 + random.nextInt(221), 2)).setScale(2, RoundingMode.DOWN);
        if (accept(new RecordValuation(program, date, value, "USD")) instanceof ValuationRecorded) {
            valuationDates.add(date);
        }
    }
}
