package com.capitalledger.core.generative;

import com.capitalledger.core.cashflow.Periods;
import com.capitalledger.core.cashflow.api.EventOfDefaultId;
import com.capitalledger.core.cashflow.api.ProposedInstallment;
import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RecordValuation;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
import com.capitalledger.core.cashflow.api.WaiveEventOfDefault;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.debt.TrancheAccount;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.InvestorAccount;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CancelCommitment;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.CureCallDefault;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.equity.api.TransferCommitment;
import com.capitalledger.core.program.ProgramState;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerCommand;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random commands of every type for one program, seeded: ids drawn from small pools (so that some exist and some do
 * not), amounts and rates that are valid, on a boundary (exactly what is left, a cent more, a cent) or invalid (zero,
 * negative, three decimals, sixteen digits), currencies and dates that are right, wrong or back-dated. Boundaries are
 * read from the program's current state, so a long sequence keeps hitting them.
 */
final class RandomCommands {

    static final ProgramId PROGRAM = new ProgramId("GEN");
    private static final List<String> PHASES = List.of("PH1", "PH2", "PH3");
    private static final List<String> INVESTORS = List.of("A", "B", "C", "D", "E");
    private static final List<String> TRANCHES = List.of("T1", "T2", "T3");
    private static final List<String> LENDERS = List.of("L1", "L2", "L3", "L4");
    private static final List<String> RATES = List.of("SOFR", "TERM-SOFR-3M", "LIBOR");
    private static final BigDecimal MILLION = new BigDecimal("1000000.00");

    private final Random random;
    private final ProgramState state;
    private final List<CallDefaultRecorded> defaults = new ArrayList<>();
    private final List<CallId> calls = new ArrayList<>();
    private final List<EventOfDefaultId> eventsOfDefault = new ArrayList<>();
    private LocalDate day = LocalDate.of(2025, 1, 1);

    RandomCommands(Random random, ProgramState state) {
        this.random = random;
        this.state = state;
    }

    /** Remembers what was accepted, so that later commands often name it (a cure of a recorded default). */
    void accepted(LedgerEvent event) {
        if (event instanceof CallDefaultRecorded recorded) {
            defaults.add(recorded);
        } else if (event instanceof CapitalCalled called) {
            calls.add(called.callId());
        } else if (event instanceof WaterfallRun run) {
            // The operator runs a waterfall on its payment date: the program's clock has moved there.
            day = run.paymentDate().isAfter(day) ? run.paymentDate() : day;
            run.eventsOfDefault().forEach(opened -> eventsOfDefault.add(opened.id()));
        }
    }

    LedgerCommand next() {
        day = day.plusDays(random.nextInt(4));
        int kind = !state.exists() && pick(70) ? 0 : random.nextInt(100);
        if (state.exists() && pick(16)) {
            return operations();
        }
        if (kind < 3) {
            return new CreateProgram(pick(5) ? new ProgramId("OTHER") : PROGRAM, "Generated", currency(),
                    pick(80) ? BigDecimal.valueOf(1 + random.nextLong(1_000_000_000_00L), 2).add(MILLION) : amount(null),
                    percent(), date());
        } else if (kind < 8) {
            return new CreatePhase(PROGRAM, new PhaseId(one(PHASES)), "Phase", amount(remainingTarget()), currency(),
                    date());
        } else if (kind < 14) {
            return new CommitEquity(PROGRAM, investor(), "Investor", amount(null), currency(), date());
        } else if (kind < 18) {
            return new IncreaseCommitment(PROGRAM, investor(), amount(null), currency(), date());
        } else if (kind < 22) {
            InvestorId investor = investor();
            return new ReduceCommitment(PROGRAM, investor, amount(unfunded(investor)), currency(), date());
        } else if (kind < 24) {
            return new CancelCommitment(PROGRAM, investor(), date());
        } else if (kind < 28) {
            // Often an investor in default, whom a transfer refuses (INVESTOR_IN_DEFAULT is otherwise rare).
            List<InvestorId> inDefault = state.exists() ? state.equity().investors().entrySet().stream()
                    .filter(e -> e.getValue().inDefault()).map(java.util.Map.Entry::getKey).toList() : List.of();
            InvestorId from = !inDefault.isEmpty() && pick(50) ? inDefault.get(random.nextInt(inDefault.size()))
                    : investor();
            return new TransferCommitment(PROGRAM, from, investor(), amount(unfunded(from)), currency(), date());
        } else if (kind < 42) {
            return new CallCapital(PROGRAM, new CallId("C" + (1 + random.nextInt(12))), new PhaseId(one(PHASES)),
                    amount(eligibleUnfunded()), currency(), "works", date());
        } else if (kind < 47) {
            return new RecordCallDefault(PROGRAM, call(), investor(), date());
        } else if (kind < 51) {
            if (!defaults.isEmpty() && pick(70)) {
                CallDefaultRecorded recorded = defaults.get(random.nextInt(defaults.size()));
                return new CureCallDefault(PROGRAM, recorded.callId(), recorded.investorId(), date());
            }
            return new CureCallDefault(PROGRAM, call(), investor(), date());
        } else if (kind < 59) {
            return tranche();
        } else if (kind < 74) {
            TrancheId tranche = new TrancheId(one(TRANCHES));
            return new DrawTranche(PROGRAM, tranche, new DrawId("D" + (1 + random.nextInt(40))), amount(undrawn(tranche)),
                    currency(), date());
        } else if (kind < 82) {
            // Draws are seldom accepted (covenants, availability): a repayment usually names a tranche that owes.
            List<TrancheId> owing = state.exists() ? state.debt().tranches().keySet().stream()
                    .filter(id -> outstanding(id) != null && outstanding(id).signum() > 0).toList() : List.of();
            TrancheId tranche = !owing.isEmpty() && pick(80) ? owing.get(random.nextInt(owing.size()))
                    : new TrancheId(one(TRANCHES));
            return new RepayTranche(PROGRAM, tranche, new RepaymentId("R" + (1 + random.nextInt(40))),
                    amount(outstanding(tranche)), currency(), date());
        } else if (kind < 88) {
            return new RepriceTranche(PROGRAM, new TrancheId(one(TRANCHES)), margin(), date().minusDays(random.nextInt(60)));
        }
        return new RecordBaseRateFixing(one(RATES), baseRate(), date().minusDays(random.nextInt(90)));
    }

    /** Section 10's commands: terms, schedules, cash flows, waterfalls (usually the next period's) and waivers. */
    private LedgerCommand operations() {
        int kind = random.nextInt(100);
        Periods periods = state.cashFlows().periods().orElse(null);
        if (kind < 10 || (periods == null && kind < 40)) {
            BigDecimal lockUp = List.of(new BigDecimal("1.2000"), new BigDecimal("1.5"), new BigDecimal("2.00"))
                    .get(random.nextInt(3));
            BigDecimal onDefault = pick(30) ? lockUp : new BigDecimal("1.05");
            return new SetOperatingTerms(PROGRAM, day.plusDays(random.nextInt(60) - 20), pick(80) ? 3 : 6, lockUp,
                    onDefault, random.nextInt(5), date());
        } else if (kind < 25) {
            List<ProposedInstallment> installments = new ArrayList<>();
            LocalDate due = periods == null ? day.plusDays(30) : Periods.paymentDate(periods.endOnOrAfter(
                    later(day, periods.operationsStart())));
            int count = 1 + random.nextInt(4);
            BigDecimal left = new BigDecimal("100");
            for (int i = 0; i < count; i++) {
                BigDecimal pct = i == count - 1 ? left
                        : left.multiply(BigDecimal.valueOf(1 + random.nextInt(60), 2)).setScale(4, RoundingMode.DOWN)
                        .max(new BigDecimal("0.0001"));
                left = left.subtract(pct);
                if (pick(3)) {
                    pct = pct.add(new BigDecimal("0.01"));
                }
                installments.add(new ProposedInstallment(pick(3) ? due.minusDays(1) : due, pct));
                due = periods == null ? due.plusMonths(3) : Periods.paymentDate(periods.next(due.minusDays(1)));
            }
            List<TrancheId> existing = List.copyOf(state.debt().tranches().keySet());
            TrancheId tranche = !existing.isEmpty() && pick(85) ? existing.get(random.nextInt(existing.size()))
                    : new TrancheId(one(TRANCHES));
            return new SetRepaymentSchedule(PROGRAM, tranche, installments, date());
        } else if (kind < 55) {
            return new RecordOperatingCashFlow(PROGRAM, periodEnd(periods), cashAmount(3_000_000_00L),
                    cashAmount(1_500_000_00L), cashAmount(300_000_00L), cashAmount(300_000_00L), currency());
        } else if (kind < (eventsOfDefault.isEmpty() ? 90 : 80)) {
            return new RunWaterfall(PROGRAM, periodEnd(periods));
        }
        if (pick(25)) {
            // Back-dated as often as not: valuations arrive after the date they value.
            return new RecordValuation(PROGRAM, day.minusDays(random.nextInt(400) - 100),
                    cashAmount(500_000_000_00L), currency());
        }
        EventOfDefaultId id = !eventsOfDefault.isEmpty() && pick(80)
                ? eventsOfDefault.get(random.nextInt(eventsOfDefault.size())) : new EventOfDefaultId("EOD-2025-03-31-DSCR");
        return new WaiveEventOfDefault(PROGRAM, id, "lenders' consent", date());
    }

    /** Usually the first period whose waterfall has not run, sometimes a run one, a later one or no period end. */
    private LocalDate periodEnd(Periods periods) {
        if (periods == null || pick(5)) {
            return day.plusDays(random.nextInt(40));
        }
        LocalDate next = periods.firstEnd();
        while (state.cashFlows().waterfallRun(next)) {
            next = periods.next(next);
        }
        int kind = random.nextInt(100);
        if (kind < 75 || next.equals(periods.firstEnd())) {
            return kind < 5 ? periods.next(next) : next;
        }
        return kind < 90 ? periods.previous(next) : periods.next(next);
    }

    /** An amount of at least zero: usually up to {@code maxCents}, sometimes zero or invalid. */
    private BigDecimal cashAmount(long maxCents) {
        int kind = random.nextInt(100);
        if (kind < 88) {
            return BigDecimal.valueOf(random.nextLong(maxCents), 2);
        } else if (kind < 95) {
            return new BigDecimal("0.00");
        } else if (kind < 97) {
            return new BigDecimal("-1.00");
        }
        return new BigDecimal("1.005");
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private CreateTranche tranche() {
        List<LenderCommitment> lenders = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int count = pick(5) ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            BigDecimal commitment = pick(90) ? BigDecimal.valueOf(1 + random.nextLong(100_000_000_00L), 2) : amount(null);
            lenders.add(new LenderCommitment(new LenderId(pick(5) ? "L1" : LENDERS.get(i)), "Lender", commitment));
            if (commitment.scale() == 2) {
                total = total.add(commitment);
            }
        }
        BigDecimal commitment = pick(80) ? total : amount(null);
        if (pick(5)) {
            commitment = commitment.add(new BigDecimal("0.01"));
        }
        return new CreateTranche(PROGRAM, new TrancheId(one(TRANCHES)), new PhaseId(one(PHASES)), "Tranche",
                pick(50) ? Seniority.SENIOR : Seniority.MEZZANINE, commitment, currency(),
                pick(90) ? RATES.get(random.nextInt(2)) : "LIBOR", margin(), margin(),
                date().plusDays(random.nextInt(400) - 20), lenders, date());
    }

    /**
     * An amount: usually ordinary or a part of the boundary given, sometimes exactly the boundary (or a cent either
     * side), sometimes invalid.
     */
    private BigDecimal amount(BigDecimal boundary) {
        int kind = random.nextInt(100);
        if (boundary != null && boundary.signum() > 0 && kind < 20) {
            return switch (random.nextInt(3)) {
                case 0 -> boundary;
                case 1 -> boundary.add(new BigDecimal("0.01"));
                default -> boundary.subtract(new BigDecimal("0.01")).max(new BigDecimal("0.01"));
            };
        }
        if (boundary != null && boundary.compareTo(new BigDecimal("1.00")) > 0 && kind < 60) {
            return boundary.multiply(BigDecimal.valueOf(1 + random.nextInt(60), 2)).setScale(2, RoundingMode.DOWN)
                    .max(new BigDecimal("0.01"));
        }
        if (kind < 80) {
            return BigDecimal.valueOf(1 + random.nextLong(100_000_000_00L), 2);
        } else if (kind < 85) {
            return new BigDecimal("0.01");
        } else if (kind < 88) {
            return new BigDecimal("0.00");
        } else if (kind < 91) {
            return new BigDecimal("-5.00");
        } else if (kind < 94) {
            return new BigDecimal("1.005");
        } else if (kind < 97) {
            return new BigDecimal("12345678901234567.89");
        }
        return BigDecimal.valueOf(1 + random.nextInt(1_000_000), 0);
    }

    private BigDecimal percent() {
        return switch (random.nextInt(10)) {
            case 0 -> new BigDecimal("0");
            case 1 -> new BigDecimal("100.0001");
            case 2 -> new BigDecimal("90.00001");
            case 3 -> BigDecimal.valueOf(5_000 + random.nextInt(950_001), 4);
            default -> BigDecimal.valueOf(600_000 + random.nextInt(400_001), 4);
        };
    }

    private BigDecimal margin() {
        return switch (random.nextInt(16)) {
            case 0 -> new BigDecimal("-0.0100");
            case 1 -> new BigDecimal("100.0000");
            case 2 -> new BigDecimal("2.00001");
            default -> BigDecimal.valueOf(random.nextInt(150_000), 4);
        };
    }

    private BigDecimal baseRate() {
        return switch (random.nextInt(8)) {
            case 0 -> new BigDecimal("4.000001");
            case 1 -> new BigDecimal("-100.00000");
            default -> BigDecimal.valueOf(random.nextInt(1_000_000) - 50_000, 5);
        };
    }

    private String currency() {
        int kind = random.nextInt(100);
        return kind < 90 ? "USD" : kind < 94 ? "EUR" : kind < 97 ? "JPY" : "XXX";
    }

    /** Usually on or after the day before, sometimes back-dated. */
    private LocalDate date() {
        return pick(8) ? day.minusDays(1 + random.nextInt(30)) : day;
    }

    private CallId call() {
        return !calls.isEmpty() && pick(60) ? calls.get(random.nextInt(calls.size()))
                : new CallId("C" + (1 + random.nextInt(12)));
    }

    private BigDecimal remainingTarget() {
        if (!state.exists()) {
            return null;
        }
        BigDecimal budgets = state.phases().values().stream().map(phase -> phase.budget().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return state.terms().target().amount().subtract(budgets);
    }

    private InvestorId investor() {
        return new InvestorId(one(INVESTORS));
    }

    private BigDecimal unfunded(InvestorId investor) {
        return state.exists() ? state.equity().investor(investor).map(InvestorAccount::unfunded)
                .map(money -> money.amount()).orElse(null) : null;
    }

    private BigDecimal eligibleUnfunded() {
        return state.exists() ? state.equity().eligibleForCalls().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                : null;
    }

    private BigDecimal undrawn(TrancheId tranche) {
        return state.exists() ? state.debt().tranche(tranche).map(t -> t.commitment().minus(t.drawn()).amount())
                .orElse(null) : null;
    }

    private BigDecimal outstanding(TrancheId tranche) {
        return state.exists() ? state.debt().tranche(tranche).map(TrancheAccount::outstanding)
                .map(money -> money.amount()).orElse(null) : null;
    }

    private String one(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private boolean pick(int percent) {
        return random.nextInt(100) < percent;
    }
}
