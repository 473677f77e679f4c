package com.capitalledger.projections.positions;

import com.capitalledger.projections.calls.CallMovementTable;
import com.capitalledger.projections.debt.DebtTables;
import com.capitalledger.projections.equity.EquityMovementTable;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.calls.CapitalCallView;
import com.capitalledger.projections.fold.calls.CapitalCalls;
import com.capitalledger.projections.fold.debt.DebtMovement;
import com.capitalledger.projections.fold.debt.TranchePosition;
import com.capitalledger.projections.fold.debt.TranchePositions;
import com.capitalledger.projections.fold.equity.InvestorPosition;
import com.capitalledger.projections.fold.equity.InvestorPositions;
import com.capitalledger.projections.fold.positions.ProgramPositions;
import com.capitalledger.projections.fold.program.PhasePositions;
import com.capitalledger.projections.fold.program.ProgramSummary;
import com.capitalledger.projections.program.PhaseMovementTable;
import com.capitalledger.projections.program.ProgramSummaryRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers position queries: reads one program's facts as of the date and as known at the instant, and folds them
 * with the read models' pure folds. A program unknown at that instant has no positions.
 */
@Service
public class PositionsService {

    private final ProgramSummaryRepository programs;
    private final EquityMovementTable equity;
    private final CallMovementTable calls;
    private final DebtTables debt;
    private final PhaseMovementTable phases;

    public PositionsService(ProgramSummaryRepository programs, EquityMovementTable equity, CallMovementTable calls,
                            DebtTables debt, PhaseMovementTable phases) {
        this.programs = programs;
        this.equity = equity;
        this.calls = calls;
        this.debt = debt;
        this.phases = phases;
    }

    /** Read in one repeatable-read transaction, so the read models are seen at one moment. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<ProgramPositions> positions(String programId, Bitemporal at) {
        return program(programId, at).map(program -> ProgramPositions.assemble(program, at, investorsOf(programId, at),
                tranchesOf(programId, at), new PhasePositions().applyAll(phases.facts().forProgram(programId, at))));
    }

    /** One investor of a program; the caller has checked the program with {@link #program}. */
    @Transactional(readOnly = true)
    public Optional<InvestorPosition> investor(String programId, String investorId, Bitemporal at) {
        return investorsOf(programId, at).positions().stream()
                .filter(position -> position.investorId().equals(investorId)).findFirst();
    }

    /** One tranche of a program; the caller has checked the program with {@link #program}. */
    @Transactional(readOnly = true)
    public Optional<TranchePosition> tranche(String programId, String trancheId, Bitemporal at) {
        return tranchesOf(programId, at).position(trancheId, at.asOf());
    }

    /** One capital call of a program; the caller has checked the program with {@link #program}. */
    @Transactional(readOnly = true)
    public Optional<CapitalCallView> call(String programId, String callId, Bitemporal at) {
        return new CapitalCalls().applyAll(calls.facts().forProgram(programId, at)).call(callId);
    }

    /** The program's terms, if it had been recorded by {@code at.knownAt()}. */
    public Optional<ProgramSummary> program(String programId, Bitemporal at) {
        return programs.find(programId).filter(program -> !program.recordedAt().isAfter(at.knownAt()));
    }

    private InvestorPositions investorsOf(String programId, Bitemporal at) {
        return new InvestorPositions().applyAll(equity.facts().forProgram(programId, at));
    }

    private TranchePositions tranchesOf(String programId, Bitemporal at) {
        List<DebtMovement> movements = debt.movements().forProgram(programId, at);
        List<String> rates = movements.stream().map(DebtMovement::baseRate).filter(Objects::nonNull)
                .distinct().toList();
        TranchePositions positions = new TranchePositions();
        debt.fixingsOf(rates, at).forEach(positions::apply);
        movements.forEach(positions::apply);
        return positions;
    }
}
