package com.capitalledger.core.program;

import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RecordValuation;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
import com.capitalledger.core.cashflow.api.WaiveEventOfDefault;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CancelCommitment;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.CureCallDefault;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.equity.api.TransferCommitment;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.rates.BaseRateFixings;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramEvent;

import static com.capitalledger.core.shared.RejectionCode.DUPLICATE_ID;
import static com.capitalledger.core.shared.RejectionCode.NO_PROGRAM;
import static com.capitalledger.core.shared.RejectionCode.PROGRAM_EXISTS;
import static com.capitalledger.core.shared.RejectionCode.PROGRAM_TARGET_EXCEEDED;

/**
 * The program's decisions, as one pure function: a command and the program's state in, the one event the command
 * produces out, or a {@link LedgerRejection} with its code. No framework, no I/O, no clock: the live command path
 * (the {@link Program} aggregate), what-if replays and property tests all run exactly this code.
 * <p>
 * Each decision checks in the brief's order: ids (unknown, duplicate, same investor), currency, amount and rate
 * formats, then the business rules in the order of the conventions.
 */
public final class ProgramDecider {

    private ProgramDecider() {
    }

    /**
     * @param fixings the base-rate fixings recorded so far (a draw needs one in effect; a waterfall accrues on
     *                their history)
     * @return the event to record; the state is not changed (evolve it with the event)
     * @throws LedgerRejection when the command is refused
     */
    public static ProgramEvent decide(ProgramState state, ProgramCommand command, BaseRateFixings fixings) {
        if (command instanceof CreateProgram create) {
            return createProgram(state, create);
        }
        if (!state.exists()) {
            throw new LedgerRejection(NO_PROGRAM, "program " + command.programId() + " does not exist");
        }
        if (command instanceof CreatePhase create) {
            return createPhase(state, create);
        } else if (command instanceof CommitEquity commit) {
            return EquityDecisions.commit(state, commit);
        } else if (command instanceof IncreaseCommitment increase) {
            return EquityDecisions.increase(state, increase);
        } else if (command instanceof ReduceCommitment reduce) {
            return EquityDecisions.reduce(state, reduce);
        } else if (command instanceof CancelCommitment cancel) {
            return EquityDecisions.cancel(state, cancel);
        } else if (command instanceof TransferCommitment transfer) {
            return EquityDecisions.transfer(state, transfer);
        } else if (command instanceof CallCapital call) {
            return EquityDecisions.call(state, call);
        } else if (command instanceof RecordCallDefault recordDefault) {
            return EquityDecisions.recordDefault(state, recordDefault);
        } else if (command instanceof CureCallDefault cure) {
            return EquityDecisions.cure(state, cure);
        } else if (command instanceof CreateTranche create) {
            return DebtDecisions.create(state, create);
        } else if (command instanceof DrawTranche draw) {
            return DebtDecisions.draw(state, draw, fixings);
        } else if (command instanceof RepayTranche repay) {
            return DebtDecisions.repay(state, repay);
        } else if (command instanceof RepriceTranche reprice) {
            return DebtDecisions.reprice(state, reprice);
        } else if (command instanceof SetOperatingTerms terms) {
            return CashFlowDecisions.setTerms(state, terms);
        } else if (command instanceof SetRepaymentSchedule schedule) {
            return CashFlowDecisions.setSchedule(state, schedule);
        } else if (command instanceof RecordOperatingCashFlow cashFlow) {
            return CashFlowDecisions.recordCashFlow(state, cashFlow);
        } else if (command instanceof RunWaterfall waterfall) {
            return CashFlowDecisions.runWaterfall(state, waterfall, fixings);
        } else if (command instanceof WaiveEventOfDefault waiver) {
            return CashFlowDecisions.waive(state, waiver);
        } else if (command instanceof RecordValuation valuation) {
            return CashFlowDecisions.recordValuation(state, valuation);
        }
        throw new IllegalArgumentException("not a program command: " + command.getClass().getName());
    }

    /** Refused with PROGRAM_EXISTS on an existing program, rather than failing later on the event store's key. */
    private static ProgramEvent createProgram(ProgramState state, CreateProgram command) {
        if (state.exists()) {
            throw new LedgerRejection(PROGRAM_EXISTS, "program " + command.programId() + " already exists");
        }
        CurrencyCode currency = CurrencyCode.of(command.currency());
        Money target = Money.of(command.targetAmount(), currency);
        Percentage maxDebt = Percentage.of(command.maxDebtPct());
        return new ProgramCreated(command.programId(), command.name(), currency, target, maxDebt, command.effectiveDate());
    }

    private static ProgramEvent createPhase(ProgramState state, CreatePhase command) {
        ProgramTerms terms = state.terms();
        if (state.phase(command.phaseId()).isPresent()) {
            throw new LedgerRejection(DUPLICATE_ID, "phase " + command.phaseId() + " already exists in program "
                    + terms.programId());
        }
        Money budget = Require.money(state, command.budget(), command.currency());
        NoBackdating.check(state, command.effectiveDate());
        Money budgets = state.zero();
        for (PhaseAccount phase : state.phases().values()) {
            budgets = budgets.plus(phase.budget());
        }
        Money budgetsAfter = budgets.plus(budget);
        if (budgetsAfter.isGreaterThan(terms.target())) {
            throw new LedgerRejection(PROGRAM_TARGET_EXCEEDED, "phase " + command.phaseId() + " budget " + budget
                    + " would bring phase budgets to " + budgetsAfter + ", program target " + terms.target());
        }
        return new PhaseCreated(terms.programId(), command.phaseId(), command.name(), budget, command.effectiveDate());
    }
}
