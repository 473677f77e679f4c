package com.capitalledger.core.whatif;

import com.capitalledger.core.cashflow.api.EventOfDefaultWaived;
import com.capitalledger.core.cashflow.api.OperatingCashFlowRecorded;
import com.capitalledger.core.cashflow.api.OperatingTermsSet;
import com.capitalledger.core.cashflow.api.ProposedInstallment;
import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RecordValuation;
import com.capitalledger.core.cashflow.api.RepaymentScheduleSet;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
import com.capitalledger.core.cashflow.api.ValuationRecorded;
import com.capitalledger.core.cashflow.api.WaiveEventOfDefault;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CancelCommitment;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.CommitmentCancelled;
import com.capitalledger.core.equity.api.CommitmentIncreased;
import com.capitalledger.core.equity.api.CommitmentReduced;
import com.capitalledger.core.equity.api.CommitmentTransferred;
import com.capitalledger.core.equity.api.CureCallDefault;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.equity.api.TransferCommitment;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerCommand;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.shared.Money;

/**
 * The command a recorded event answered, as the treasury would have posted it: what a what-if decides again for every
 * event after its first change. Decided on the state the event was recorded on, it gives the event back exactly.
 */
public final class RecordedCommands {

    private RecordedCommands() {
    }

    public static LedgerCommand of(LedgerEvent event) {
        if (event instanceof BaseRateFixed fixed) {
            return new RecordBaseRateFixing(fixed.rateName().value(), fixed.ratePct().percent(), fixed.effectiveDate());
        } else if (event instanceof ProgramCreated created) {
            return new CreateProgram(created.programId(), created.name(), created.currency().code(),
                    created.targetAmount().amount(), created.maxDebtPct().percent(), created.effectiveDate());
        } else if (event instanceof PhaseCreated created) {
            return new CreatePhase(created.programId(), created.phaseId(), created.name(), created.budget().amount(),
                    currency(created.budget()), created.effectiveDate());
        } else if (event instanceof EquityCommitted committed) {
            return new CommitEquity(committed.programId(), committed.investorId(), committed.investorName(),
                    committed.amount().amount(), currency(committed.amount()), committed.effectiveDate());
        } else if (event instanceof CommitmentIncreased increased) {
            return new IncreaseCommitment(increased.programId(), increased.investorId(), increased.amount().amount(),
                    currency(increased.amount()), increased.effectiveDate());
        } else if (event instanceof CommitmentReduced reduced) {
            return new ReduceCommitment(reduced.programId(), reduced.investorId(), reduced.amount().amount(),
                    currency(reduced.amount()), reduced.effectiveDate());
        } else if (event instanceof CommitmentCancelled cancelled) {
            return new CancelCommitment(cancelled.programId(), cancelled.investorId(), cancelled.effectiveDate());
        } else if (event instanceof CommitmentTransferred transferred) {
            return new TransferCommitment(transferred.programId(), transferred.fromInvestorId(),
                    transferred.toInvestorId(), transferred.amount().amount(), currency(transferred.amount()),
                    transferred.effectiveDate());
        } else if (event instanceof CapitalCalled called) {
            return new CallCapital(called.programId(), called.callId(), called.phaseId(), called.amount().amount(),
                    currency(called.amount()), called.purpose(), called.effectiveDate());
        } else if (event instanceof CallDefaultRecorded recorded) {
            return new RecordCallDefault(recorded.programId(), recorded.callId(), recorded.investorId(),
                    recorded.effectiveDate());
        } else if (event instanceof CallDefaultCured cured) {
            return new CureCallDefault(cured.programId(), cured.callId(), cured.investorId(), cured.effectiveDate());
        } else if (event instanceof TrancheCreated created) {
            return new CreateTranche(created.programId(), created.trancheId(), created.phaseId(), created.name(),
                    created.seniority(), created.commitment().amount(), currency(created.commitment()),
                    created.baseRate().value(), created.marginPct().percent(), created.commitmentFeePct().percent(),
                    created.availabilityEnd(), created.lenders().stream().map(lender -> new LenderCommitment(
                            lender.lenderId(), lender.name(), lender.commitment().amount())).toList(),
                    created.effectiveDate());
        } else if (event instanceof TrancheDrawn drawn) {
            return new DrawTranche(drawn.programId(), drawn.trancheId(), drawn.drawId(), drawn.amount().amount(),
                    currency(drawn.amount()), drawn.effectiveDate());
        } else if (event instanceof TrancheRepaid repaid) {
            return new RepayTranche(repaid.programId(), repaid.trancheId(), repaid.repaymentId(), repaid.amount().amount(),
                    currency(repaid.amount()), repaid.effectiveDate());
        } else if (event instanceof TrancheRepriced repriced) {
            return new RepriceTranche(repriced.programId(), repriced.trancheId(), repriced.newMarginPct().percent(),
                    repriced.effectiveDate());
        } else if (event instanceof OperatingTermsSet terms) {
            return new SetOperatingTerms(terms.programId(), terms.operationsStart(), terms.periodMonths(),
                    terms.lockUpDscr(), terms.defaultDscr(), terms.dsraPeriods(), terms.effectiveDate());
        } else if (event instanceof RepaymentScheduleSet schedule) {
            return new SetRepaymentSchedule(schedule.programId(), schedule.trancheId(), schedule.installments().stream()
                    .map(installment -> new ProposedInstallment(installment.dueDate(), installment.pct().percent()))
                    .toList(), schedule.effectiveDate());
        } else if (event instanceof OperatingCashFlowRecorded recorded) {
            return new RecordOperatingCashFlow(recorded.programId(), recorded.periodEnd(), recorded.revenue().amount(),
                    recorded.operatingCosts().amount(), recorded.taxes().amount(),
                    recorded.maintenanceCapex().amount(), currency(recorded.revenue()));
        } else if (event instanceof WaterfallRun run) {
            // Decided again, a waterfall recomputes every figure from the branch's state: that is what-if's point.
            return new RunWaterfall(run.programId(), run.periodEnd());
        } else if (event instanceof ValuationRecorded valuation) {
            return new RecordValuation(valuation.programId(), valuation.valuationDate(),
                    valuation.equityValue().amount(), currency(valuation.equityValue()));
        } else if (event instanceof EventOfDefaultWaived waived) {
            return new WaiveEventOfDefault(waived.programId(), waived.eventOfDefaultId(), waived.reason(),
                    waived.effectiveDate());
        }
        throw new IllegalArgumentException("no command records " + event.getClass().getName());
    }

    private static String currency(Money money) {
        return money.currency().code();
    }
}
