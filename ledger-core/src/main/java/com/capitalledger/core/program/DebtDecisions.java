package com.capitalledger.core.program;

import com.capitalledger.core.calc.LargestRemainder;
import com.capitalledger.core.debt.TrancheAccount;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.Lender;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.rates.BaseRateFixings;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramEvent;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.Rate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

import static com.capitalledger.core.shared.RejectionCode.AVAILABILITY_ENDED;
import static com.capitalledger.core.shared.RejectionCode.BACKDATED_COMMAND;
import static com.capitalledger.core.shared.RejectionCode.COMMITMENT_EXCEEDED;
import static com.capitalledger.core.shared.RejectionCode.DUPLICATE_ID;
import static com.capitalledger.core.shared.RejectionCode.EVENT_OF_DEFAULT;
import static com.capitalledger.core.shared.RejectionCode.LENDER_SUM_MISMATCH;
import static com.capitalledger.core.shared.RejectionCode.NO_BASE_RATE;
import static com.capitalledger.core.shared.RejectionCode.REPAYMENT_EXCEEDS_OUTSTANDING;

/** Decisions on debt: tranches and their syndicates, draws, repayments and repricings. */
final class DebtDecisions {

    private DebtDecisions() {
    }

    static ProgramEvent create(ProgramState state, CreateTranche command) {
        ProgramId program = state.terms().programId();
        if (state.debt().tranche(command.trancheId()).isPresent()) {
            throw new LedgerRejection(DUPLICATE_ID, "tranche " + command.trancheId() + " already exists in program "
                    + program);
        }
        List<LenderCommitment> proposed = command.lenders() == null ? List.of() : command.lenders();
        Set<LenderId> seen = new HashSet<>();
        for (LenderCommitment lender : proposed) {
            if (!seen.add(lender.lenderId())) {
                throw new LedgerRejection(DUPLICATE_ID, "lender " + lender.lenderId() + " appears twice in tranche "
                        + command.trancheId());
            }
        }
        Require.phase(state, command.phaseId());
        BaseRateName baseRate = BaseRateName.of(command.baseRate());
        Money commitment = Require.money(state, command.commitment(), command.currency());
        List<Lender> lenders = new ArrayList<>();
        Money lenderSum = state.zero();
        for (LenderCommitment lender : proposed) {
            Money lenderCommitment = Money.of(lender.commitment(), commitment.currency());
            lenders.add(new Lender(lender.lenderId(), lender.name(), lenderCommitment));
            lenderSum = lenderSum.plus(lenderCommitment);
        }
        Rate margin = Rate.marginOrFee("margin", command.marginPct());
        Rate fee = Rate.marginOrFee("commitment fee", command.commitmentFeePct());
        NoBackdating.check(state, command.effectiveDate());
        if (command.availabilityEnd().isBefore(command.effectiveDate())) {
            throw new LedgerRejection(AVAILABILITY_ENDED, "tranche " + command.trancheId() + " availability ends "
                    + command.availabilityEnd() + ", before its creation on " + command.effectiveDate());
        }
        if (lenderSum.amount().compareTo(commitment.amount()) != 0) {
            throw new LedgerRejection(LENDER_SUM_MISMATCH, "lender commitments of tranche " + command.trancheId()
                    + " sum to " + lenderSum + ", tranche commitment " + commitment);
        }
        lenders.sort(Comparator.comparing(Lender::lenderId));
        return new TrancheCreated(program, command.trancheId(), command.phaseId(), command.name(), command.seniority(),
                commitment, baseRate, margin, fee, command.availabilityEnd(), lenders, command.effectiveDate());
    }

    static ProgramEvent draw(ProgramState state, DrawTranche command, BaseRateFixings fixings) {
        ProgramId program = state.terms().programId();
        TrancheAccount tranche = Require.tranche(state, command.trancheId());
        if (state.debt().hasDraw(command.drawId())) {
            throw new LedgerRejection(DUPLICATE_ID, "draw " + command.drawId() + " already exists in program " + program);
        }
        // The lenders' draw-stop: checked right after the ids, before any other rule.
        if (state.cashFlows().eventOfDefaultOpen()) {
            throw new LedgerRejection(EVENT_OF_DEFAULT, "program " + program + " has an open event of default "
                    + state.cashFlows().eventsOfDefault().entrySet().stream().filter(e -> e.getValue().open())
                    .map(e -> e.getKey().toString()).findFirst().orElse("") + ": draws are stopped");
        }
        Money amount = Require.money(state, command.amount(), command.currency());
        LocalDate day = command.effectiveDate();
        NoBackdating.check(state, day);
        if (day.isAfter(tranche.availabilityEnd())) {
            throw new LedgerRejection(AVAILABILITY_ENDED, "tranche " + command.trancheId() + " could be drawn until "
                    + tranche.availabilityEnd() + "; draw dated " + day);
        }
        if (fixings.inEffect(tranche.baseRate(), day).isEmpty()) {
            throw new LedgerRejection(NO_BASE_RATE, "no " + tranche.baseRate() + " fixing is in effect on " + day
                    + " for tranche " + command.trancheId());
        }
        Money drawnAfter = tranche.drawn().plus(amount);
        if (drawnAfter.isGreaterThan(tranche.commitment())) {
            throw new LedgerRejection(COMMITMENT_EXCEEDED, "draw " + amount + " on " + command.trancheId()
                    + " would bring drawn to " + drawnAfter + ", commitment " + tranche.commitment());
        }
        PhaseBudget.check(tranche.phaseId(), Require.phase(state, tranche.phaseId()), amount, "draw " + command.drawId());
        GearingCovenant.check(state, amount);
        return new TrancheDrawn(program, command.trancheId(), command.drawId(), amount,
                lenderShares(amount, tranche.undrawnByLender()), day);
    }

    static ProgramEvent repay(ProgramState state, RepayTranche command) {
        ProgramId program = state.terms().programId();
        TrancheAccount tranche = Require.tranche(state, command.trancheId());
        if (state.debt().hasRepayment(command.repaymentId())) {
            throw new LedgerRejection(DUPLICATE_ID, "repayment " + command.repaymentId() + " already exists in program "
                    + program);
        }
        Money amount = Require.money(state, command.amount(), command.currency());
        NoBackdating.check(state, command.effectiveDate());
        if (amount.isGreaterThan(tranche.outstanding())) {
            throw new LedgerRejection(REPAYMENT_EXCEEDS_OUTSTANDING, "repayment " + amount + " on " + command.trancheId()
                    + " exceeds its outstanding " + tranche.outstanding());
        }
        return new TrancheRepaid(program, command.trancheId(), command.repaymentId(), amount,
                lenderShares(amount, tranche.outstandingByLender()), command.effectiveDate());
    }

    /** A correction may be back-dated, but not to before the tranche existed. */
    static ProgramEvent reprice(ProgramState state, RepriceTranche command) {
        TrancheAccount tranche = Require.tranche(state, command.trancheId());
        Rate margin = Rate.marginOrFee("margin", command.newMarginPct());
        if (command.effectiveDate().isBefore(tranche.createdOn())) {
            throw new LedgerRejection(BACKDATED_COMMAND, "repricing of " + command.trancheId() + " dated "
                    + command.effectiveDate() + " precedes the tranche's creation on " + tranche.createdOn());
        }
        return new TrancheRepriced(state.terms().programId(), command.trancheId(), margin, command.effectiveDate());
    }

    private static List<LenderShare> lenderShares(Money amount, SortedMap<LenderId, BigDecimal> weights) {
        List<LenderShare> shares = new ArrayList<>(weights.size());
        LargestRemainder.split(amount.amount(), weights).forEach((id, share) ->
                shares.add(new LenderShare(id, new Money(share, amount.currency()))));
        return shares;
    }
}
