package com.capitalledger.core.program;

import com.capitalledger.core.cashflow.CashFlowBook;
import com.capitalledger.core.cashflow.api.OperatingCashFlowRecorded;
import com.capitalledger.core.cashflow.api.ValuationRecorded;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.debt.DebtBook;
import com.capitalledger.core.debt.TrancheAccount;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.equity.EquityBook;
import com.capitalledger.core.equity.InvestorAccount;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramEvent;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Everything a program's decisions need to know, and nothing else: its terms, its phases, the equity book, the
 * debt book and the cash-flow book. It evolves by the program's events alone ({@link #evolve}), in the order they were recorded; whoever
 * replays a history owns its state, which is why evolution happens in place (a replay of a long history would
 * otherwise copy every id it has seen at every event).
 */
public final class ProgramState {

    private ProgramTerms terms;
    /** The latest effective date of an accepted command; earlier ones are back-dated (repricings excepted). */
    private LocalDate latestEffectiveDate;
    private final SortedMap<PhaseId, PhaseAccount> phases = new TreeMap<>();
    private final EquityBook equity = new EquityBook();
    private final DebtBook debt = new DebtBook();
    private final CashFlowBook cashFlows = new CashFlowBook();
    /**
     * The investors at the end of {@link #investorsAsOf}: the day before the latest effective date. A waterfall
     * judges who is in default at its period end, the day before its payment date, on which other commands may
     * already have taken effect.
     */
    private SortedMap<InvestorId, InvestorAccount> investorsBefore = new TreeMap<>();
    private LocalDate investorsAsOf;

    /** The state before a program's creation: every command but its creation is refused with NO_PROGRAM. */
    public static ProgramState none() {
        return new ProgramState();
    }

    public boolean exists() {
        return terms != null;
    }

    /** @throws IllegalStateException before the program's creation: decisions check {@link #exists()} first */
    public ProgramTerms terms() {
        if (terms == null) {
            throw new IllegalStateException("the program has not been created");
        }
        return terms;
    }

    public LocalDate latestEffectiveDate() {
        return latestEffectiveDate;
    }

    public Optional<PhaseAccount> phase(PhaseId id) {
        return Optional.ofNullable(phases.get(id));
    }

    public SortedMap<PhaseId, PhaseAccount> phases() {
        return Collections.unmodifiableSortedMap(phases);
    }

    public EquityBook equity() {
        return equity;
    }

    public DebtBook debt() {
        return debt;
    }

    public CashFlowBook cashFlows() {
        return cashFlows;
    }

    /** The investors as they stood at the end of {@code day}, a day on or after the day before the latest date. */
    public SortedMap<InvestorId, InvestorAccount> investorsAtEndOf(LocalDate day) {
        if (latestEffectiveDate == null || !day.isBefore(latestEffectiveDate)) {
            return equity.investors();
        }
        // Nothing took effect between the end of investorsAsOf and the latest date (none before it: nobody).
        if (investorsAsOf == null || !day.isBefore(investorsAsOf)) {
            return Collections.unmodifiableSortedMap(investorsBefore);
        }
        throw new IllegalArgumentException("the investors at the end of " + day + " are no longer known");
    }

    /** The state after {@code event}. Assigns only: every rule was checked when the event was decided. */
    public ProgramState evolve(ProgramEvent event) {
        boolean movesClock = !(event instanceof TrancheRepriced) && !(event instanceof OperatingCashFlowRecorded)
                && !(event instanceof ValuationRecorded);
        if (movesClock && latestEffectiveDate != null && event.effectiveDate().isAfter(latestEffectiveDate)) {
            investorsBefore = new TreeMap<>(equity.investors());
            investorsAsOf = latestEffectiveDate;
        }
        if (event instanceof ProgramCreated created) {
            terms = ProgramTerms.of(created);
        } else if (event instanceof PhaseCreated created) {
            phases.put(created.phaseId(), PhaseAccount.opened(created.budget()));
        } else if (event instanceof CapitalCalled called) {
            deploy(called.phaseId(), phase -> phase.withEquityCalled(called.amount()));
        } else if (event instanceof TrancheDrawn drawn) {
            TrancheAccount tranche = debt.tranche(drawn.trancheId()).orElse(null);
            if (tranche != null) {
                deploy(tranche.phaseId(), phase -> phase.withDebtDrawn(drawn.amount()));
            }
        }
        equity.apply(event);
        debt.apply(event);
        cashFlows.apply(event);
        if (event instanceof WaterfallRun run) {
            // The waterfall's principal is a repayment of each tranche on the payment date, lender by lender.
            for (WaterfallRun.TranchePayment payment : run.tranches()) {
                if (payment.principalPaid().signum() > 0) {
                    debt.repaid(payment.trancheId(), payment.principalShares(), run.paymentDate());
                }
            }
        }
        // A repricing may be back-dated as a correction, and actuals arrive after their period: neither moves the
        // program's clock.
        if (movesClock) {
            latestEffectiveDate = event.effectiveDate();
        }
        return this;
    }

    private void deploy(PhaseId id, UnaryOperator<PhaseAccount> change) {
        phases.computeIfPresent(id, (key, phase) -> change.apply(phase));
    }

    /** Nothing, in the program's currency. */
    Money zero() {
        return Money.zero(terms().currency());
    }
}
