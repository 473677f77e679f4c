package com.capitalledger.core.program;

import com.capitalledger.core.calc.LargestRemainder;
import com.capitalledger.core.calc.Ratios;
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
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
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
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.equity.api.TransferCommitment;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.PhaseId;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.program.api.ProgramId;
import com.capitalledger.core.rates.BaseRateFixings;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.Rate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static com.capitalledger.core.shared.RejectionCode.*;

/**
 * One program's capital stack: phases, equity commitments and calls, debt tranches and their syndicates. Every
 * invariant that spans equity and debt (phase budgets, the gearing covenant) is decided here, on one consistent
 * state, and committed atomically.
 * <p>
 * Each command handler checks in the brief's order (ids, currency, amount and rate formats, then the business
 * rules in the order of the conventions), applies one event and returns the resulting aggregate version. Event
 * sourcing handlers only assign. All amounts are in the program's currency, held as two-decimal {@link BigDecimal}.
 */
public class Program {

    @AggregateIdentifier
    private ProgramId programId;
    private CurrencyCode currency;
    private BigDecimal targetAmount;
    private BigDecimal maxDebtPct;
    /** The latest effective date of an accepted command; earlier ones are back-dated (repricings excepted). */
    private LocalDate latestEffectiveDate;
    private Map<String, PhaseAccount> phases = new TreeMap<>();
    private Map<String, InvestorAccount> investors = new TreeMap<>();
    private Map<String, CallRecord> calls = new TreeMap<>();
    private Map<String, TrancheAccount> tranches = new TreeMap<>();
    private Set<String> drawIds = new HashSet<>();
    private Set<String> repaymentIds = new HashSet<>();

    /** For Axon, which rebuilds the aggregate from its events or a snapshot. */
    protected Program() {
    }

    // ----------------------------------------------------------------------------------------------- program, phases

    /**
     * Creation goes through an instance handler so that an existing program is loaded and the command refused with
     * {@code PROGRAM_EXISTS}, rather than failing later on the event store's unique key.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CreateProgram command) {
        if (programId != null) {
            throw new LedgerRejection(PROGRAM_EXISTS, "program " + command.programId() + " already exists");
        }
        CurrencyCode programCurrency = CurrencyCode.of(command.currency());
        Money target = Money.of(command.targetAmount(), programCurrency);
        Percentage maxDebt = Percentage.of(command.maxDebtPct());
        return applied(new ProgramCreated(command.programId(), command.name(), programCurrency, target, maxDebt,
                command.effectiveDate()));
    }

    @CommandHandler
    public long handle(CreatePhase command) {
        if (phases.containsKey(command.phaseId().value())) {
            throw new LedgerRejection(DUPLICATE_ID, "phase " + command.phaseId() + " already exists in program " + programId);
        }
        Money budget = money(command.budget(), command.currency());
        notBackdated(command.effectiveDate());
        BigDecimal budgets = phases.values().stream().map(PhaseAccount::budget).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (budgets.add(budget.amount()).compareTo(targetAmount) > 0) {
            throw new LedgerRejection(PROGRAM_TARGET_EXCEEDED, "phase " + command.phaseId() + " budget " + budget
                    + " would bring phase budgets to " + usd(budgets.add(budget.amount())) + ", program target "
                    + usd(targetAmount));
        }
        return applied(new PhaseCreated(programId, command.phaseId(), command.name(), budget, command.effectiveDate()));
    }

    // ----------------------------------------------------------------------------------------------- commitments

    @CommandHandler
    public long handle(CommitEquity command) {
        if (investors.containsKey(command.investorId().value())) {
            throw new LedgerRejection(DUPLICATE_ID, "investor " + command.investorId()
                    + " has already committed to program " + programId + "; increase its commitment instead");
        }
        Money amount = money(command.amount(), command.currency());
        notBackdated(command.effectiveDate());
        return applied(new EquityCommitted(programId, command.investorId(), command.investorName(), amount,
                command.effectiveDate()));
    }

    @CommandHandler
    public long handle(IncreaseCommitment command) {
        investor(command.investorId());
        Money amount = money(command.amount(), command.currency());
        notBackdated(command.effectiveDate());
        return applied(new CommitmentIncreased(programId, command.investorId(), amount, command.effectiveDate()));
    }

    @CommandHandler
    public long handle(ReduceCommitment command) {
        InvestorAccount investor = investor(command.investorId());
        Money amount = money(command.amount(), command.currency());
        notBackdated(command.effectiveDate());
        if (amount.amount().compareTo(investor.unfunded()) > 0) {
            throw new LedgerRejection(INSUFFICIENT_UNFUNDED, "reducing " + command.investorId() + " by " + amount
                    + " exceeds its unfunded commitment " + usd(investor.unfunded()));
        }
        return applied(new CommitmentReduced(programId, command.investorId(), amount, command.effectiveDate()));
    }

    @CommandHandler
    public long handle(CancelCommitment command) {
        InvestorAccount investor = investor(command.investorId());
        notBackdated(command.effectiveDate());
        if (investor.unfunded().signum() == 0) {
            throw new LedgerRejection(NOTHING_TO_CANCEL, "investor " + command.investorId()
                    + " has no unfunded commitment: committed " + usd(investor.committed()) + " is all called");
        }
        return applied(new CommitmentCancelled(programId, command.investorId(),
                new Money(investor.unfunded(), currency), command.effectiveDate()));
    }

    /** Moves unfunded commitment only: what was called stays with the transferor. */
    @CommandHandler
    public long handle(TransferCommitment command) {
        InvestorAccount from = investor(command.fromInvestorId());
        investor(command.toInvestorId());
        if (command.fromInvestorId().equals(command.toInvestorId())) {
            throw new LedgerRejection(SAME_INVESTOR, "cannot transfer commitment from " + command.fromInvestorId()
                    + " to itself");
        }
        Money amount = money(command.amount(), command.currency());
        notBackdated(command.effectiveDate());
        if (amount.amount().compareTo(from.unfunded()) > 0) {
            throw new LedgerRejection(INSUFFICIENT_UNFUNDED, "transfer of " + amount + " exceeds the unfunded commitment "
                    + usd(from.unfunded()) + " of " + command.fromInvestorId());
        }
        if (from.inDefault()) {
            throw new LedgerRejection(INVESTOR_IN_DEFAULT, "investor " + command.fromInvestorId()
                    + " is in default on calls " + from.openDefaultCalls() + " and cannot transfer commitment");
        }
        return applied(new CommitmentTransferred(programId, command.fromInvestorId(), command.toInvestorId(), amount,
                command.effectiveDate()));
    }

    // ----------------------------------------------------------------------------------------------- capital calls

    /**
     * Splits the call among eligible investors (no open default, unfunded above zero) pro rata to their unfunded
     * commitment, by the largest-remainder method in whole cents, ties to the lower investor id.
     */
    @CommandHandler
    public long handle(CallCapital command) {
        if (calls.containsKey(command.callId().value())) {
            throw new LedgerRejection(DUPLICATE_ID, "capital call " + command.callId() + " already exists in program "
                    + programId);
        }
        PhaseAccount phase = phase(command.phaseId());
        Money amount = money(command.amount(), command.currency());
        notBackdated(command.effectiveDate());

        SortedMap<String, BigDecimal> eligibleUnfunded = new TreeMap<>();
        investors.forEach((id, investor) -> {
            if (!investor.inDefault() && investor.unfunded().signum() > 0) {
                eligibleUnfunded.put(id, investor.unfunded());
            }
        });
        BigDecimal unfunded = eligibleUnfunded.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount.amount().compareTo(unfunded) > 0) {
            throw new LedgerRejection(INSUFFICIENT_UNFUNDED, "capital call " + command.callId() + " of " + amount
                    + " exceeds the eligible unfunded commitment " + usd(unfunded) + " of "
                    + eligibleUnfunded.keySet().stream().toList());
        }
        requireWithinPhaseBudget(command.phaseId(), phase, amount, "capital call " + command.callId());

        List<Allocation> allocations = new ArrayList<>();
        LargestRemainder.split(amount.amount(), eligibleUnfunded).forEach((id, share) ->
                allocations.add(new Allocation(new InvestorId(id), new Money(share, currency))));
        return applied(new CapitalCalled(programId, command.callId(), command.phaseId(), amount, command.purpose(),
                allocations, command.effectiveDate()));
    }

    @CommandHandler
    public long handle(RecordCallDefault command) {
        CallRecord call = call(command.callId());
        investor(command.investorId());
        notBackdated(command.effectiveDate());
        BigDecimal allocation = allocated(call, command.callId(), command.investorId());
        if (call.defaulted().contains(command.investorId().value())) {
            throw new LedgerRejection(ALREADY_DEFAULTED, "investor " + command.investorId()
                    + " is already in default on capital call " + command.callId());
        }
        return applied(new CallDefaultRecorded(programId, command.callId(), command.investorId(),
                new Money(allocation, currency), command.effectiveDate()));
    }

    @CommandHandler
    public long handle(CureCallDefault command) {
        CallRecord call = call(command.callId());
        investor(command.investorId());
        notBackdated(command.effectiveDate());
        BigDecimal allocation = allocated(call, command.callId(), command.investorId());
        if (!call.defaulted().contains(command.investorId().value())) {
            throw new LedgerRejection(NOT_DEFAULTED, "investor " + command.investorId()
                    + " is not in default on capital call " + command.callId());
        }
        return applied(new CallDefaultCured(programId, command.callId(), command.investorId(),
                new Money(allocation, currency), command.effectiveDate()));
    }

    // ----------------------------------------------------------------------------------------------- debt

    @CommandHandler
    public long handle(CreateTranche command) {
        if (tranches.containsKey(command.trancheId().value())) {
            throw new LedgerRejection(DUPLICATE_ID, "tranche " + command.trancheId() + " already exists in program "
                    + programId);
        }
        List<LenderCommitment> proposed = command.lenders() == null ? List.of() : command.lenders();
        Set<LenderId> seen = new HashSet<>();
        for (LenderCommitment lender : proposed) {
            if (!seen.add(lender.lenderId())) {
                throw new LedgerRejection(DUPLICATE_ID, "lender " + lender.lenderId() + " appears twice in tranche "
                        + command.trancheId());
            }
        }
        phase(command.phaseId());
        BaseRateName baseRate = BaseRateName.of(command.baseRate());
        Money commitment = money(command.commitment(), command.currency());
        List<Lender> lenders = new ArrayList<>();
        for (LenderCommitment lender : proposed) {
            lenders.add(new Lender(lender.lenderId(), lender.name(), Money.of(lender.commitment(), currency)));
        }
        Rate margin = Rate.marginOrFee("margin", command.marginPct());
        Rate fee = Rate.marginOrFee("commitment fee", command.commitmentFeePct());
        notBackdated(command.effectiveDate());
        if (command.availabilityEnd().isBefore(command.effectiveDate())) {
            throw new LedgerRejection(AVAILABILITY_ENDED, "tranche " + command.trancheId() + " availability ends "
                    + command.availabilityEnd() + ", before its creation on " + command.effectiveDate());
        }
        BigDecimal lenderSum = lenders.stream().map(l -> l.commitment().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (lenderSum.compareTo(commitment.amount()) != 0) {
            throw new LedgerRejection(LENDER_SUM_MISMATCH, "lender commitments of tranche " + command.trancheId()
                    + " sum to " + usd(lenderSum) + ", tranche commitment " + commitment);
        }
        lenders.sort((a, b) -> a.lenderId().compareTo(b.lenderId()));
        return applied(new TrancheCreated(programId, command.trancheId(), command.phaseId(), command.name(),
                command.seniority(), commitment, baseRate, margin, fee, command.availabilityEnd(), lenders,
                command.effectiveDate()));
    }

    @CommandHandler
    public long handle(DrawTranche command, BaseRateFixings fixings) {
        TrancheAccount tranche = tranche(command.trancheId());
        if (drawIds.contains(command.drawId().value())) {
            throw new LedgerRejection(DUPLICATE_ID, "draw " + command.drawId() + " already exists in program " + programId);
        }
        Money amount = money(command.amount(), command.currency());
        LocalDate day = command.effectiveDate();
        notBackdated(day);
        if (day.isAfter(tranche.availabilityEnd())) {
            throw new LedgerRejection(AVAILABILITY_ENDED, "tranche " + command.trancheId() + " could be drawn until "
                    + tranche.availabilityEnd() + "; draw dated " + day);
        }
        if (fixings.inEffect(tranche.baseRate(), day).isEmpty()) {
            throw new LedgerRejection(NO_BASE_RATE, "no " + tranche.baseRate() + " fixing is in effect on " + day
                    + " for tranche " + command.trancheId());
        }
        BigDecimal drawnAfter = tranche.drawn().add(amount.amount());
        if (drawnAfter.compareTo(tranche.commitment()) > 0) {
            throw new LedgerRejection(COMMITMENT_EXCEEDED, "draw " + amount + " on " + command.trancheId()
                    + " would bring drawn to " + usd(drawnAfter) + ", commitment " + usd(tranche.commitment()));
        }
        requireWithinPhaseBudget(tranche.phaseId(), phases.get(tranche.phaseId().value()), amount,
                "draw " + command.drawId());
        BigDecimal debtAfter = debtOutstanding().add(amount.amount());
        BigDecimal paidIn = paidInEquity();
        if (!Ratios.withinGearing(debtAfter, paidIn, maxDebtPct)) {
            throw new LedgerRejection(GEARING_COVENANT_BREACH, "draw " + amount + " would bring debt to " + usd(debtAfter)
                    + " against paid-in equity " + usd(paidIn) + ": " + Ratios.gearingPct(debtAfter, paidIn).toPlainString()
                    + "% of capitalisation, above the maximum " + maxDebtPct.toPlainString() + "%");
        }
        return applied(new TrancheDrawn(programId, command.trancheId(), command.drawId(), amount,
                lenderShares(amount, tranche.undrawnByLender()), day));
    }

    @CommandHandler
    public long handle(RepayTranche command) {
        TrancheAccount tranche = tranche(command.trancheId());
        if (repaymentIds.contains(command.repaymentId().value())) {
            throw new LedgerRejection(DUPLICATE_ID, "repayment " + command.repaymentId() + " already exists in program "
                    + programId);
        }
        Money amount = money(command.amount(), command.currency());
        notBackdated(command.effectiveDate());
        if (amount.amount().compareTo(tranche.outstanding()) > 0) {
            throw new LedgerRejection(REPAYMENT_EXCEEDS_OUTSTANDING, "repayment " + amount + " on " + command.trancheId()
                    + " exceeds its outstanding " + usd(tranche.outstanding()));
        }
        return applied(new TrancheRepaid(programId, command.trancheId(), command.repaymentId(), amount,
                lenderShares(amount, tranche.outstandingByLender()), command.effectiveDate()));
    }

    /** A correction may be back-dated, but not to before the tranche existed. */
    @CommandHandler
    public long handle(RepriceTranche command) {
        TrancheAccount tranche = tranche(command.trancheId());
        Rate margin = Rate.marginOrFee("margin", command.newMarginPct());
        if (command.effectiveDate().isBefore(tranche.createdOn())) {
            throw new LedgerRejection(BACKDATED_COMMAND, "repricing of " + command.trancheId() + " dated "
                    + command.effectiveDate() + " precedes the tranche's creation on " + tranche.createdOn());
        }
        return applied(new TrancheRepriced(programId, command.trancheId(), margin, command.effectiveDate()));
    }

    // ----------------------------------------------------------------------------------------------- checks

    /** Currency first, then the amount's format: the brief's check order. */
    private Money money(BigDecimal amount, String currencyCode) {
        if (!currency.code().equals(currencyCode)) {
            throw new LedgerRejection(CURRENCY_MISMATCH, "program " + programId + " is in " + currency
                    + "; the command is in " + currencyCode);
        }
        return Money.of(amount, currency);
    }

    private void notBackdated(LocalDate effectiveDate) {
        if (effectiveDate.isBefore(latestEffectiveDate)) {
            throw new LedgerRejection(BACKDATED_COMMAND, "effective date " + effectiveDate + " precedes program "
                    + programId + "'s latest effective date " + latestEffectiveDate);
        }
    }

    private void requireWithinPhaseBudget(PhaseId phaseId, PhaseAccount phase, Money amount, String what) {
        BigDecimal deployedAfter = phase.deployed().add(amount.amount());
        if (deployedAfter.compareTo(phase.budget()) > 0) {
            throw new LedgerRejection(PHASE_BUDGET_EXCEEDED, what + " of " + amount + " would bring phase " + phaseId
                    + " to " + usd(deployedAfter) + " deployed, budget " + usd(phase.budget()));
        }
    }

    private BigDecimal allocated(CallRecord call, CallId callId, InvestorId investorId) {
        BigDecimal allocation = call.allocationOf(investorId.value());
        if (allocation.signum() == 0) {
            throw new LedgerRejection(NOT_ALLOCATED, "investor " + investorId + " has no allocation in capital call "
                    + callId);
        }
        return allocation;
    }

    private InvestorAccount investor(InvestorId id) {
        InvestorAccount investor = investors.get(id.value());
        if (investor == null) {
            throw new LedgerRejection(UNKNOWN_INVESTOR, "investor " + id + " has no commitment in program " + programId);
        }
        return investor;
    }

    private PhaseAccount phase(PhaseId id) {
        PhaseAccount phase = phases.get(id.value());
        if (phase == null) {
            throw new LedgerRejection(UNKNOWN_PHASE, "phase " + id + " does not exist in program " + programId);
        }
        return phase;
    }

    private CallRecord call(CallId id) {
        CallRecord call = calls.get(id.value());
        if (call == null) {
            throw new LedgerRejection(UNKNOWN_CALL, "capital call " + id + " does not exist in program " + programId);
        }
        return call;
    }

    private TrancheAccount tranche(TrancheId id) {
        TrancheAccount tranche = tranches.get(id.value());
        if (tranche == null) {
            throw new LedgerRejection(UNKNOWN_TRANCHE, "tranche " + id + " does not exist in program " + programId);
        }
        return tranche;
    }

    private BigDecimal debtOutstanding() {
        return tranches.values().stream().map(TrancheAccount::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal paidInEquity() {
        return investors.values().stream().map(InvestorAccount::paidIn).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<LenderShare> lenderShares(Money amount, SortedMap<String, BigDecimal> weights) {
        List<LenderShare> shares = new ArrayList<>();
        LargestRemainder.split(amount.amount(), weights).forEach((id, share) ->
                shares.add(new LenderShare(new LenderId(id), new Money(share, currency))));
        return shares;
    }

    private String usd(BigDecimal amount) {
        return new Money(amount, currency).toString();
    }

    private static long applied(Object event) {
        AggregateLifecycle.apply(event);
        return AggregateLifecycle.getVersion();
    }

    // ----------------------------------------------------------------------------------------------- state

    @EventSourcingHandler
    void on(ProgramCreated event) {
        programId = event.programId();
        currency = event.currency();
        targetAmount = event.targetAmount().amount();
        maxDebtPct = event.maxDebtPct().percent();
        latestEffectiveDate = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(PhaseCreated event) {
        phases.put(event.phaseId().value(), new PhaseAccount(event.budget().amount(), zero(), zero()));
        latestEffectiveDate = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(EquityCommitted event) {
        investors.put(event.investorId().value(), InvestorAccount.committed(event.investorName(), event.amount().amount()));
        latestEffectiveDate = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(CommitmentIncreased event) {
        investors.computeIfPresent(event.investorId().value(),
                (id, investor) -> investor.withCommitted(investor.committed().add(event.amount().amount())));
        latestEffectiveDate = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(CommitmentReduced event) {
        investors.computeIfPresent(event.investorId().value(),
                (id, investor) -> investor.withCommitted(investor.committed().subtract(event.amount().amount())));
        latestEffectiveDate = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(CommitmentCancelled event) {
        investors.computeIfPresent(event.investorId().value(),
                (id, investor) -> investor.withCommitted(investor.called()));
        latestEffectiveDate = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(CommitmentTransferred event) {
        BigDecimal amount = event.amount().amount();
        investors.computeIfPresent(event.fromInvestorId().value(),
                (id, investor) -> investor.withCommitted(investor.committed().subtract(amount)));
        investors.computeIfPresent(event.toInvestorId().value(),
                (id, investor) -> investor.withCommitted(investor.committed().add(amount)));
        latestEffectiveDate = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(CapitalCalled event) {
        Map<String, BigDecimal> allocations = new TreeMap<>();
        for (Allocation allocation : event.allocations()) {
            allocations.put(allocation.investorId().value(), allocation.amount().amount());
            investors.computeIfPresent(allocation.investorId().value(),
                    (id, investor) -> investor.withCalled(allocation.amount().amount()));
        }
        calls.put(event.callId().value(), new CallRecord(event.phaseId(), allocations, Set.of()));
        phases.computeIfPresent(event.phaseId().value(), (id, phase) -> phase.withEquityCalled(event.amount().amount()));
        latestEffectiveDate = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(CallDefaultRecorded event) {
        calls.computeIfPresent(event.callId().value(), (id, call) -> call.withDefault(event.investorId().value(), true));
        investors.computeIfPresent(event.investorId().value(),
                (id, investor) -> investor.withDefault(event.callId(), event.amount().amount()));
        latestEffectiveDate = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(CallDefaultCured event) {
        calls.computeIfPresent(event.callId().value(), (id, call) -> call.withDefault(event.investorId().value(), false));
        investors.computeIfPresent(event.investorId().value(),
                (id, investor) -> investor.withCure(event.callId(), event.amount().amount()));
        latestEffectiveDate = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(TrancheCreated event) {
        Map<String, TrancheAccount.LenderAccount> lenders = new TreeMap<>();
        for (Lender lender : event.lenders()) {
            lenders.put(lender.lenderId().value(),
                    new TrancheAccount.LenderAccount(lender.commitment().amount(), zero(), zero()));
        }
        tranches.put(event.trancheId().value(), new TrancheAccount(event.phaseId(), event.commitment().amount(),
                event.baseRate(), event.effectiveDate(), event.availabilityEnd(), lenders));
        latestEffectiveDate = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(TrancheDrawn event) {
        TrancheAccount tranche = tranches.get(event.trancheId().value());
        tranches.put(event.trancheId().value(), tranche.withDraw(event.lenderShares()));
        phases.computeIfPresent(tranche.phaseId().value(), (id, phase) -> phase.withDebtDrawn(event.amount().amount()));
        drawIds.add(event.drawId().value());
        latestEffectiveDate = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(TrancheRepaid event) {
        tranches.computeIfPresent(event.trancheId().value(), (id, tranche) -> tranche.withRepayment(event.lenderShares()));
        repaymentIds.add(event.repaymentId().value());
        latestEffectiveDate = event.effectiveDate();
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(Money.SCALE);
    }
}
