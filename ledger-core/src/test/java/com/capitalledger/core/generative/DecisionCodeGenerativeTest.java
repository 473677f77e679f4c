package com.capitalledger.core.generative;

import com.capitalledger.core.cashflow.api.OperatingCashFlowRecorded;
import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RecordValuation;
import com.capitalledger.core.cashflow.api.ValuationRecorded;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
import com.capitalledger.core.cashflow.api.WaiveEventOfDefault;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.debt.TrancheAccount;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.equity.InvestorAccount;
import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CancelCommitment;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.CureCallDefault;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.equity.api.TransferCommitment;
import com.capitalledger.core.program.PhaseAccount;
import com.capitalledger.core.program.ProgramDecider;
import com.capitalledger.core.program.ProgramState;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.rates.BaseRateDecider;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerCommand;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramEvent;
import com.capitalledger.core.shared.RejectionCode;
import com.capitalledger.core.whatif.RecordedCommands;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static com.capitalledger.core.shared.RejectionCode.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random command sequences through the decision code, with valid, boundary and invalid values and ids
 * that exist and do not: every command is either decided into an event that keeps the books consistent, or refused
 * with one of the codes documented for it; nothing else ever happens (no other exception). Each sequence has its own
 * seed, printed on failure with the way to run it alone ({@link Generative}). A longer run:
 * {@code ./mvnw -pl ledger-core test -Dtest=DecisionCodeGenerativeTest -Dledger.generative.cases=100000}.
 */
class DecisionCodeGenerativeTest {

    private static final int SEQUENCES = 2_000;
    private static final int COMMANDS = 72;

    /** The codes each command may be refused with, as the API documents them (404 NO_PROGRAM included). */
    private static final Map<Class<?>, Set<RejectionCode>> DOCUMENTED = new HashMap<>();

    static {
        DOCUMENTED.put(CreateProgram.class, EnumSet.of(PROGRAM_EXISTS, CURRENCY_MISMATCH, INVALID_AMOUNT, INVALID_RATE));
        DOCUMENTED.put(CreatePhase.class, EnumSet.of(NO_PROGRAM, DUPLICATE_ID, CURRENCY_MISMATCH, INVALID_AMOUNT,
                BACKDATED_COMMAND, PROGRAM_TARGET_EXCEEDED));
        DOCUMENTED.put(CommitEquity.class, EnumSet.of(NO_PROGRAM, DUPLICATE_ID, CURRENCY_MISMATCH, INVALID_AMOUNT,
                BACKDATED_COMMAND));
        DOCUMENTED.put(IncreaseCommitment.class, EnumSet.of(NO_PROGRAM, UNKNOWN_INVESTOR, CURRENCY_MISMATCH,
                INVALID_AMOUNT, BACKDATED_COMMAND));
        DOCUMENTED.put(ReduceCommitment.class, EnumSet.of(NO_PROGRAM, UNKNOWN_INVESTOR, CURRENCY_MISMATCH,
                INVALID_AMOUNT, BACKDATED_COMMAND, INSUFFICIENT_UNFUNDED));
        DOCUMENTED.put(CancelCommitment.class, EnumSet.of(NO_PROGRAM, UNKNOWN_INVESTOR, BACKDATED_COMMAND,
                NOTHING_TO_CANCEL));
        DOCUMENTED.put(TransferCommitment.class, EnumSet.of(NO_PROGRAM, UNKNOWN_INVESTOR, SAME_INVESTOR,
                CURRENCY_MISMATCH, INVALID_AMOUNT, BACKDATED_COMMAND, INSUFFICIENT_UNFUNDED, INVESTOR_IN_DEFAULT));
        DOCUMENTED.put(CallCapital.class, EnumSet.of(NO_PROGRAM, DUPLICATE_ID, UNKNOWN_PHASE, CURRENCY_MISMATCH,
                INVALID_AMOUNT, BACKDATED_COMMAND, INSUFFICIENT_UNFUNDED, PHASE_BUDGET_EXCEEDED));
        DOCUMENTED.put(RecordCallDefault.class, EnumSet.of(NO_PROGRAM, UNKNOWN_CALL, UNKNOWN_INVESTOR,
                BACKDATED_COMMAND, NOT_ALLOCATED, ALREADY_DEFAULTED));
        DOCUMENTED.put(CureCallDefault.class, EnumSet.of(NO_PROGRAM, UNKNOWN_CALL, UNKNOWN_INVESTOR, BACKDATED_COMMAND,
                NOT_ALLOCATED, NOT_DEFAULTED));
        DOCUMENTED.put(CreateTranche.class, EnumSet.of(NO_PROGRAM, DUPLICATE_ID, UNKNOWN_PHASE, UNKNOWN_BASE_RATE,
                CURRENCY_MISMATCH, INVALID_AMOUNT, INVALID_RATE, BACKDATED_COMMAND, AVAILABILITY_ENDED,
                LENDER_SUM_MISMATCH));
        DOCUMENTED.put(DrawTranche.class, EnumSet.of(NO_PROGRAM, UNKNOWN_TRANCHE, DUPLICATE_ID, CURRENCY_MISMATCH,
                INVALID_AMOUNT, EVENT_OF_DEFAULT, BACKDATED_COMMAND, AVAILABILITY_ENDED, NO_BASE_RATE, COMMITMENT_EXCEEDED,
                PHASE_BUDGET_EXCEEDED, GEARING_COVENANT_BREACH));
        DOCUMENTED.put(RepayTranche.class, EnumSet.of(NO_PROGRAM, UNKNOWN_TRANCHE, DUPLICATE_ID, CURRENCY_MISMATCH,
                INVALID_AMOUNT, BACKDATED_COMMAND, REPAYMENT_EXCEEDS_OUTSTANDING));
        DOCUMENTED.put(RepriceTranche.class, EnumSet.of(NO_PROGRAM, UNKNOWN_TRANCHE, INVALID_RATE, BACKDATED_COMMAND));
        DOCUMENTED.put(RecordBaseRateFixing.class, EnumSet.of(UNKNOWN_BASE_RATE, INVALID_RATE));
        DOCUMENTED.put(SetOperatingTerms.class, EnumSet.of(NO_PROGRAM, TERMS_LOCKED, BACKDATED_COMMAND));
        DOCUMENTED.put(SetRepaymentSchedule.class, EnumSet.of(NO_PROGRAM, UNKNOWN_TRANCHE, NO_OPERATING_TERMS,
                INVALID_SCHEDULE, SCHEDULE_LOCKED, BACKDATED_COMMAND));
        DOCUMENTED.put(RecordOperatingCashFlow.class, EnumSet.of(NO_PROGRAM, NO_OPERATING_TERMS, INVALID_PERIOD,
                PERIOD_CLOSED, CURRENCY_MISMATCH, INVALID_AMOUNT));
        DOCUMENTED.put(RunWaterfall.class, EnumSet.of(NO_PROGRAM, NO_OPERATING_TERMS, INVALID_PERIOD, NO_CASH_FLOW,
                PERIOD_OUT_OF_ORDER, WATERFALL_ALREADY_RUN, BACKDATED_COMMAND));
        DOCUMENTED.put(WaiveEventOfDefault.class, EnumSet.of(NO_PROGRAM, UNKNOWN_EVENT_OF_DEFAULT, ALREADY_WAIVED,
                BACKDATED_COMMAND));
        DOCUMENTED.put(RecordValuation.class, EnumSet.of(NO_PROGRAM, CURRENCY_MISMATCH, INVALID_AMOUNT));
    }

    @Test
    void everyCommandIsDecidedIntoConsistentBooksOrRefusedWithADocumentedCode() {
        Map<RejectionCode, Integer> refusals = new EnumMap<>(RejectionCode.class);
        Map<String, Integer> accepted = new HashMap<>();
        Generative.forAll(SEQUENCES, Sequence::new, sequence -> run(sequence, refusals, accepted));
        if (Generative.cases(SEQUENCES) >= SEQUENCES) {
            // The generator reaches every outcome: each command type accepted, each code refused.
            assertThat(accepted.keySet()).as("accepted: " + accepted).containsAll(DOCUMENTED.keySet().stream().map(Class::getSimpleName).toList());
            assertThat(refusals.keySet()).as("refusals reached: " + refusals).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(RejectionCode.class));
        }
    }

    /** One sequence's random source, and the commands it has sent so far (what a failure reports). */
    private static final class Sequence {
        private final Random random;
        private final List<LedgerCommand> sent = new ArrayList<>();

        Sequence(Random random) {
            this.random = random;
        }

        @Override
        public String toString() {
            return sent.isEmpty() ? "no command yet" : sent.size() + " commands, the last " + sent.get(sent.size() - 1);
        }
    }

    private static void run(Sequence sequence, Map<RejectionCode, Integer> refusals, Map<String, Integer> accepted) {
        ProgramState state = ProgramState.none();
        BaseRateHistory fixings = new BaseRateHistory();
        List<LedgerEvent> history = new ArrayList<>();
        RandomCommands commands = new RandomCommands(sequence.random, state);
        for (int i = 0; i < COMMANDS; i++) {
            LedgerCommand command = commands.next();
            sequence.sent.add(command);
            LedgerEvent event;
            try {
                event = command instanceof RecordBaseRateFixing fixing ? BaseRateDecider.decide(fixing)
                        : ProgramDecider.decide(state, (ProgramCommand) command, fixings);
            } catch (LedgerRejection refused) {
                assertThat(DOCUMENTED.get(command.getClass())).as("codes documented for " + command)
                        .contains(refused.code());
                assertThat(refused.detail()).isNotBlank();
                refusals.merge(refused.code(), 1, Integer::sum);
                continue;
            }
            checkBeforeApplying(state, event);
            if (event instanceof BaseRateFixed fixed) {
                fixings.apply(fixed);
            } else {
                state.evolve((ProgramEvent) event);
            }
            history.add(event);
            commands.accepted(event);
            accepted.merge(command.getClass().getSimpleName(), 1, Integer::sum);
            checkBooks(state);
        }
        // Evolution is a function of the events alone: the same events give the same state.
        ProgramState replayed = ProgramState.none();
        history.stream().filter(ProgramEvent.class::isInstance).forEach(e -> replayed.evolve((ProgramEvent) e));
        assertThat(replayed).usingRecursiveComparison().isEqualTo(state);
        // What-if decides every recorded event again from the command it answered: on the same history, the same event.
        ProgramState redecided = ProgramState.none();
        BaseRateHistory refixed = new BaseRateHistory();
        for (LedgerEvent event : history) {
            LedgerCommand command = RecordedCommands.of(event);
            LedgerEvent again = command instanceof RecordBaseRateFixing fixing ? BaseRateDecider.decide(fixing)
                    : ProgramDecider.decide(redecided, (ProgramCommand) command, refixed);
            assertThat(again).as("decided again from " + command).isEqualTo(event);
            if (again instanceof BaseRateFixed fixed) {
                refixed.apply(fixed);
            } else {
                redecided.evolve((ProgramEvent) again);
            }
        }
    }

    /** What an accepted event must respect, judged on the state it was decided on. */
    private static void checkBeforeApplying(ProgramState state, LedgerEvent event) {
        if (event instanceof CapitalCalled called) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Allocation allocation : called.allocations()) {
                InvestorAccount investor = state.equity().investor(allocation.investorId()).orElseThrow();
                assertThat(investor.inDefault()).as("allocated to an investor in default").isFalse();
                assertThat(allocation.amount().amount()).isLessThanOrEqualTo(investor.unfunded().amount());
                sum = sum.add(allocation.amount().amount());
            }
            assertThat(sum).isEqualByComparingTo(called.amount().amount());
        } else if (event instanceof TrancheDrawn drawn) {
            assertThat(state.cashFlows().eventOfDefaultOpen()).as("a draw while an event of default is open").isFalse();
            assertThat(sumOf(drawn.lenderShares())).isEqualByComparingTo(drawn.amount().amount());
            Money debtAfter = state.debt().outstanding(drawn.amount().currency()).plus(drawn.amount());
            Money paidIn = state.equity().paidIn(drawn.amount().currency());
            BigDecimal maxDebt = state.terms().maxDebt().percent();
            assertThat(debtAfter.amount().multiply(BigDecimal.valueOf(100)))
                    .as("the gearing covenant after the draw")
                    .isLessThanOrEqualTo(maxDebt.multiply(debtAfter.amount().add(paidIn.amount())));
        } else if (event instanceof TrancheRepaid repaid) {
            assertThat(sumOf(repaid.lenderShares())).isEqualByComparingTo(repaid.amount().amount());
        } else if (event instanceof WaterfallRun run) {
            checkWaterfall(state, run);
        }
        if (event instanceof ProgramEvent programEvent && state.exists() && !(event instanceof TrancheRepriced)
                && !(event instanceof OperatingCashFlowRecorded) && !(event instanceof ValuationRecorded)) {
            assertThat(programEvent.effectiveDate()).as("not back-dated").isAfterOrEqualTo(state.latestEffectiveDate());
        }
    }

    /** Every cent of a waterfall is accounted for, each step pays at most its due, every split sums exactly. */
    private static void checkWaterfall(ProgramState state, WaterfallRun run) {
        BigDecimal in = run.cashAvailable().amount().add(run.dsra().drawn().amount()).add(run.dsra().released().amount())
                .add(run.lockUp().released().amount());
        BigDecimal out = run.dsra().toppedUp().amount().add(run.lockUp().trapped().amount())
                .add(run.distributed().amount());
        for (WaterfallRun.StepResult step : run.steps()) {
            assertThat(step.paid().amount()).isLessThanOrEqualTo(step.due().amount());
            assertThat(step.paid().amount().add(step.shortfall().amount())).isEqualByComparingTo(step.due().amount());
            out = out.add(step.paid().amount());
        }
        assertThat(out).as("cash out of " + run).isEqualByComparingTo(in);
        assertThat(run.dsra().opening().amount()).isEqualByComparingTo(state.cashFlows().dsraBalance());
        assertThat(run.dsra().opening().amount().subtract(run.dsra().drawn().amount())
                .subtract(run.dsra().released().amount()).add(run.dsra().toppedUp().amount()))
                .isEqualByComparingTo(run.dsra().closing().amount());
        assertThat(run.lockUp().opening().amount()).isEqualByComparingTo(state.cashFlows().lockUpBalance());
        BigDecimal allocated = run.allocations().stream().map(a -> a.amount().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(allocated).isEqualByComparingTo(run.distributed().amount());
        for (WaterfallRun.TranchePayment payment : run.tranches()) {
            assertThat(sumOf(payment.principalShares())).isEqualByComparingTo(payment.principalPaid().amount());
            assertThat(payment.principalPaid().amount())
                    .isLessThanOrEqualTo(state.debt().tranche(payment.trancheId()).orElseThrow().outstanding().amount());
        }
    }

    /** What the books must hold after every accepted event. */
    private static void checkBooks(ProgramState state) {
        if (!state.exists()) {
            return;
        }
        var currency = state.terms().currency();
        BigDecimal paidIn = BigDecimal.ZERO;
        for (InvestorAccount investor : state.equity().investors().values()) {
            assertThat(investor.called().amount()).isLessThanOrEqualTo(investor.committed().amount());
            assertThat(investor.defaulted().amount()).isLessThanOrEqualTo(investor.called().amount());
            assertThat(investor.inDefault()).isEqualTo(investor.defaulted().signum() > 0
                    || !investor.openDefaultCalls().isEmpty());
            paidIn = paidIn.add(investor.paidIn().amount());
        }
        assertThat(state.equity().paidIn(currency).amount()).as("paid-in total").isEqualByComparingTo(paidIn);
        BigDecimal outstanding = BigDecimal.ZERO;
        for (TrancheId tranche : trancheIds()) {
            TrancheAccount account = state.debt().tranche(tranche).orElse(null);
            if (account != null) {
                assertThat(account.drawn().amount()).isLessThanOrEqualTo(account.commitment().amount());
                outstanding = outstanding.add(account.outstanding().amount());
            }
        }
        assertThat(state.debt().outstanding(currency).amount()).as("outstanding total").isEqualByComparingTo(outstanding);
        BigDecimal budgets = BigDecimal.ZERO;
        for (PhaseAccount phase : state.phases().values()) {
            assertThat(phase.deployed().amount()).isLessThanOrEqualTo(phase.budget().amount());
            budgets = budgets.add(phase.budget().amount());
        }
        assertThat(budgets).isLessThanOrEqualTo(state.terms().target().amount());
    }

    private static List<TrancheId> trancheIds() {
        return List.of(new TrancheId("T1"), new TrancheId("T2"), new TrancheId("T3"));
    }

    private static BigDecimal sumOf(List<LenderShare> shares) {
        return shares.stream().map(share -> share.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
