package com.capitalledger.projections.positions;

import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.projections.calls.CallMovementTable;
import com.capitalledger.projections.cashflow.CashFlowTable;
import com.capitalledger.projections.debt.DebtTables;
import com.capitalledger.projections.equity.EquityMovementTable;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.calls.CallMovement;
import com.capitalledger.projections.fold.calls.CapitalCallView;
import com.capitalledger.projections.fold.calls.CapitalCalls;
import com.capitalledger.projections.fold.checkpoint.Foldings;
import com.capitalledger.projections.fold.cashflow.CashFlows;
import com.capitalledger.projections.fold.cashflow.CashFlowsView;
import com.capitalledger.projections.fold.cashflow.DistributionView;
import com.capitalledger.projections.fold.debt.TranchePosition;
import com.capitalledger.projections.fold.debt.TranchePositions;
import com.capitalledger.projections.fold.equity.EquityMovement;
import com.capitalledger.projections.fold.equity.InvestorPosition;
import com.capitalledger.projections.fold.equity.InvestorPositions;
import com.capitalledger.projections.fold.positions.ProgramPositions;
import com.capitalledger.projections.fold.program.ProgramSummary;
import com.capitalledger.projections.fold.notices.CallNotice;
import com.capitalledger.projections.fold.notices.DistributionNotice;
import com.capitalledger.projections.fold.notices.NoticeIndex;
import com.capitalledger.projections.fold.notices.Notices;
import com.capitalledger.projections.fold.returns.CapitalAccounts;
import com.capitalledger.projections.fold.returns.Returns;
import com.capitalledger.projections.fold.returns.ReturnsView;
import com.capitalledger.projections.fold.returns.Statement;
import com.capitalledger.projections.program.PhaseMovementTable;
import com.capitalledger.projections.program.ProgramSummaryRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Answers position queries: reads one program's facts as of the date and as known at the instant, and folds them
 * with the read models' pure folds. A program unknown at that instant has no positions. The positions' equity,
 * tranches and phases start from the program's checkpoints ({@link PositionCheckpoints}), so they read and fold only
 * the facts after one.
 */
@Service
public class PositionsService {

    /** A date after every effective date: notices are about events, whenever they take effect. */
    private static final LocalDate EVERY_DATE = LocalDate.of(9999, 12, 31);

    private final ProgramSummaryRepository programs;
    private final EquityMovementTable equity;
    private final CallMovementTable calls;
    private final DebtTables debt;
    private final PhaseMovementTable phases;
    private final CashFlowTable cashFlows;
    private final PositionCheckpoints checkpoints;

    public PositionsService(ProgramSummaryRepository programs, EquityMovementTable equity, CallMovementTable calls,
                            DebtTables debt, PhaseMovementTable phases, CashFlowTable cashFlows,
                            PositionCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.programs = programs;
        this.equity = equity;
        this.calls = calls;
        this.debt = debt;
        this.phases = phases;
        this.cashFlows = cashFlows;
    }

    /** Read in one repeatable-read transaction, so the read models are seen at one moment. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<ProgramPositions> positions(String programId, Bitemporal at) {
        return program(programId, at).map(program -> ProgramPositions.assemble(program, at, investorsOf(program, at),
                tranchesOf(program, at), checkpoints.fold(phases.facts(), Foldings.phases(currency(program)),
                        programId, at), cashFlowsOf(programId, at)));
    }

    /** One investor of a program, if the program was known at {@code at.knownAt()}. */
    @Transactional(readOnly = true)
    public Optional<InvestorPosition> investor(String programId, String investorId, Bitemporal at) {
        return program(programId, at).stream().flatMap(program -> ProgramPositions.investors(investorsOf(program, at),
                        cashFlowsOf(programId, at)).stream())
                .filter(position -> position.investorId().equals(investorId)).findFirst();
    }

    /** One tranche of a program, if the program was known at {@code at.knownAt()}. */
    @Transactional(readOnly = true)
    public Optional<TranchePosition> tranche(String programId, String trancheId, Bitemporal at) {
        return program(programId, at).flatMap(program -> {
            TranchePositions debt = tranchesOf(program, at);
            return debt.position(trancheId, at.asOf()).map(tranche -> ProgramPositions.tranche(tranche, debt,
                    cashFlowsOf(programId, at), at.asOf()));
        });
    }

    /** One capital call of a program; the caller has checked the program with {@link #program}. */
    @Transactional(readOnly = true)
    public Optional<CapitalCallView> call(String programId, String callId, Bitemporal at) {
        return new CapitalCalls().applyAll(calls.facts().forProgram(programId, at)).call(callId);
    }

    /** The program's operations (section 10), if the program was known at {@code at.knownAt()}. */
    @Transactional(readOnly = true)
    public Optional<CashFlowsView> cashFlows(String programId, Bitemporal at) {
        return program(programId, at).map(program -> cashFlowsOf(programId, at).view(programId, at.asOf()));
    }

    /** The program's distributions, oldest first, if the program was known at {@code at.knownAt()}. */
    @Transactional(readOnly = true)
    public Optional<List<DistributionView>> distributions(String programId, Bitemporal at) {
        return program(programId, at).map(program -> cashFlowsOf(programId, at).distributions());
    }

    /** Each investor's returns and the program's (section 10), if the program was known at {@code at.knownAt()}. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<ReturnsView> returns(String programId, Bitemporal at) {
        return program(programId, at).map(program -> returnsOf(program, at).view(programId, at.knownAt()));
    }

    /**
     * The capital accounts of the period {@code from}-{@code to} as known at {@code knownAt}, if the program was
     * known then; the caller has checked that {@code from} is not after {@code to}.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<CapitalAccounts> capitalAccounts(String programId, LocalDate from, LocalDate to,
                                                     Instant knownAt) {
        Bitemporal end = new Bitemporal(to, knownAt);
        return program(programId, end).map(program -> new CapitalAccounts(programId, from, to, end.knownAt(),
                returnsOf(program, new Bitemporal(from.minusDays(1), knownAt)), returnsOf(program, end)));
    }

    /**
     * An investor's statement of the period {@code from}-{@code to} as known at {@code knownAt}: the capital accounts,
     * the returns on {@code to} and the events behind the investor's figures, read at one moment; the caller has
     * checked that {@code from} is not after {@code to}.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<Statement> statement(String programId, String investorId, LocalDate from, LocalDate to,
                                         Instant knownAt) {
        Bitemporal end = new Bitemporal(to, knownAt);
        return program(programId, end).map(program -> {
            Returns atEnd = returnsOf(program, end);
            CapitalAccounts accounts = new CapitalAccounts(programId, from, to, end.knownAt(),
                    returnsOf(program, new Bitemporal(from.minusDays(1), knownAt)), atEnd);
            return new Statement(accounts, atEnd.view(programId, end.knownAt()), Statement.sources(investorId, from,
                    to, equity.facts().forProgram(programId, end), cashFlows.facts().forProgram(programId, end)));
        });
    }

    /**
     * The investor's notice of a call as known at {@code knownAt}, if the call allocated to it; the caller has
     * checked the program with {@link #program} and the call with {@link #call}.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<CallNotice> callNotice(String programId, String callId, String investorId, Instant knownAt) {
        return program(programId, new Bitemporal(EVERY_DATE, knownAt)).flatMap(program -> {
            List<CallMovement> movements = calls.facts()
                    .forProgram(programId, new Bitemporal(EVERY_DATE, knownAt));
            return new CapitalCalls().applyAll(movements).call(callId).flatMap(call -> Notices.call(programId,
                    callId, investorId, movements, equity.facts().forProgram(programId,
                            new Bitemporal(call.effectiveDate(), knownAt)), currency(program)));
        });
    }

    /**
     * The investor's notice of the distribution paid on {@code paymentDate} as known at {@code knownAt}, if one paid
     * it; the caller has checked the program with {@link #program}.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<DistributionNotice> distributionNotice(String programId, LocalDate paymentDate, String investorId,
                                                           Instant knownAt) {
        return program(programId, new Bitemporal(EVERY_DATE, knownAt)).flatMap(program -> Notices.distribution(
                programId, paymentDate, investorId, cashFlows.facts().forProgram(programId,
                        new Bitemporal(paymentDate, knownAt)),
                equity.facts().forProgram(programId, new Bitemporal(paymentDate, knownAt)), currency(program)));
    }

    /** The notices an investor has, as known at {@code knownAt}, if the program was known then. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<NoticeIndex> notices(String programId, String investorId, Instant knownAt) {
        Bitemporal all = new Bitemporal(EVERY_DATE, knownAt);
        return program(programId, all).map(program -> Notices.index(investorId,
                calls.facts().forProgram(programId, all), cashFlows.facts().forProgram(programId, all),
                equity.facts().forProgram(programId, all)));
    }

    /** The program's terms, if it had been recorded by {@code at.knownAt()}. */
    public Optional<ProgramSummary> program(String programId, Bitemporal at) {
        return programs.find(programId).filter(program -> !program.recordedAt().isAfter(at.knownAt()));
    }

    private static CurrencyCode currency(ProgramSummary program) {
        return new CurrencyCode(program.currency());
    }

    private InvestorPositions investorsOf(ProgramSummary program, Bitemporal at) {
        return checkpoints.fold(equity.facts(), Foldings.investors(currency(program)), program.programId(), at);
    }

    private Returns returnsOf(ProgramSummary program, Bitemporal at) {
        List<EquityMovement> movements = equity.facts().forProgram(program.programId(), at);
        return Returns.of(at.asOf(), movements, new InvestorPositions(currency(program)).applyAll(movements),
                cashFlowsOf(program.programId(), at));
    }

    private CashFlows cashFlowsOf(String programId, Bitemporal at) {
        return new CashFlows().applyAll(cashFlows.facts().forProgram(programId, at));
    }

    private TranchePositions tranchesOf(ProgramSummary program, Bitemporal at) {
        return checkpoints.fold(debt.movements(), Foldings.tranches(currency(program)), program.programId(), at)
                .withFixings(rates -> debt.fixingsOf(rates, at));
    }
}
