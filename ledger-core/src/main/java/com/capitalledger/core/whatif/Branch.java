package com.capitalledger.core.whatif;

import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.WaterfallRun;
import com.capitalledger.core.program.ProgramDecider;
import com.capitalledger.core.program.ProgramState;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.rates.BaseRateDecider;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerCommand;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramEvent;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.Rate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Branches a program's journal and decides it again with hypothetical changes, in memory, through the same decision
 * code as the live command path ({@link ProgramDecider}, {@link BaseRateDecider}).
 * <p>
 * The base journal is the program's events and the base-rate fixings, in recorded order. An added command is decided
 * just before the first base event whose effective date is later than its own (or at the end); a replacement is
 * decided in its event's place; a removed event is left out. Base events before the first change are taken as they
 * were recorded; every base event after it is decided again, by the same rules, from the command that recorded it:
 * a refusal makes it a {@link Consequence}. A rate shift changes the level of the fixings every decision consults from
 * its date on (a waterfall's interest, DSRA target and DSCR depend on it; a draw needs a fixing in effect, not a
 * level), so every waterfall of a period ending on or after that date is decided again; the scenario's journal gets
 * the shifted fixings once every event is decided. A fixing the what-if adds is shifted too. A cash-flow scale changes
 * the recorded cash flows it covers before they are decided again (an added or replacing command is taken as given), so
 * every waterfall after the first of them is decided on the scaled figures.
 */
public final class Branch {

    private final ProgramId program;
    private final ProgramState state = ProgramState.none();
    private final BaseRateHistory fixings = new BaseRateHistory();
    private final List<JournalEntry> journal = new ArrayList<>();
    private final List<Change.ShiftRate> shifts;
    /** The fixings as recorded in the branch, before any shift: what each shifted level is computed from. */
    private final Map<BaseRateName, TreeMap<LocalDate, Rate>> unshifted = new HashMap<>();

    private Branch(ProgramId program, List<Change> changes) {
        this.program = program;
        this.shifts = changes.stream().filter(Change.ShiftRate.class::isInstance).map(Change.ShiftRate.class::cast)
                .toList();
    }

    /**
     * @param base    the program's journal as recorded: its own events and every base-rate fixing, in recorded order
     * @param changes applied in their order where they fall at the same place
     * @throws InvalidChange when a change names an event that is not in the base journal, changes an event another
     *                       change already changes, touches the program's creation, or adds a command for another
     *                       program
     */
    public static Branched replay(ProgramId program, List<JournalEntry> base, List<Change> changes) {
        Plan plan = Plan.of(program, base, changes);
        Branch branch = new Branch(program, changes);
        ChangeOutcome[] outcomes = new ChangeOutcome[changes.size()];
        List<Consequence> consequences = new ArrayList<>();
        int nextAdd = 0;
        for (int i = 0; i <= base.size(); i++) {
            for (; nextAdd < plan.adds().size() && plan.adds().get(nextAdd).position() == i; nextAdd++) {
                int index = plan.adds().get(nextAdd).change();
                Change.Add add = (Change.Add) changes.get(index);
                Instant placedAt = base.get(Math.min(i, base.size() - 1)).recordedAt();
                outcomes[index] = branch.decideChange(index, add, add.command(), placedAt);
            }
            if (i == base.size()) {
                break;
            }
            JournalEntry entry = base.get(i);
            int changed = plan.changeAt(i);
            if (changed >= 0) {
                Change change = changes.get(changed);
                outcomes[changed] = change instanceof Change.Replace replace
                        ? branch.decideChange(changed, change, replace.command(), entry.recordedAt())
                        : ChangeOutcome.accepted(changed, change);
            } else if (i < plan.firstChange()) {
                branch.record(entry);
            } else {
                try {
                    branch.record(new JournalEntry(entry.eventId(),
                            branch.decide(scaled(changes, RecordedCommands.of(entry.event()))), entry.recordedAt()));
                } catch (LedgerRejection refused) {
                    consequences.add(new Consequence(entry.eventId(), entry.event().getClass().getSimpleName(),
                            entry.event().effectiveDate(), refused.code(), refused.detail()));
                }
            }
        }
        List<JournalEntry> scenario = branch.journal;
        for (int index = 0; index < changes.size(); index++) {
            if (changes.get(index) instanceof Change.ShiftRate shift) {
                scenario = RateShift.apply(shift, scenario, "what-if:" + index);
                outcomes[index] = ChangeOutcome.accepted(index, shift);
            } else if (changes.get(index) instanceof Change.ScaleCashFlows scale) {
                outcomes[index] = ChangeOutcome.accepted(index, scale);
            }
        }
        return new Branched(List.of(outcomes), consequences, scenario);
    }

    /** A recorded cash flow as the scales among the changes make it, in their order; any other command as it is. */
    private static LedgerCommand scaled(List<Change> changes, LedgerCommand command) {
        if (!(command instanceof RecordOperatingCashFlow cashFlow)) {
            return command;
        }
        for (Change change : changes) {
            if (change instanceof Change.ScaleCashFlows scale) {
                cashFlow = CashFlowScale.apply(scale, cashFlow);
            }
        }
        return cashFlow;
    }

    private ChangeOutcome decideChange(int index, Change change, LedgerCommand command, Instant recordedAt) {
        try {
            record(new JournalEntry("what-if:" + index, decide(command), recordedAt));
            return ChangeOutcome.accepted(index, change);
        } catch (LedgerRejection refused) {
            return ChangeOutcome.rejected(index, change, refused);
        }
    }

    private LedgerEvent decide(LedgerCommand command) {
        if (command instanceof RecordBaseRateFixing fixing) {
            return BaseRateDecider.decide(fixing);
        }
        return ProgramDecider.decide(state, (ProgramCommand) command, fixings);
    }

    private void record(JournalEntry entry) {
        if (entry.event() instanceof ProgramEvent event) {
            state.evolve(event);
        } else if (entry.event() instanceof BaseRateFixed fixed) {
            fixings.apply(fixed);
            shift(fixed);
        }
        journal.add(entry);
    }

    /**
     * The decisions' fixings as the shifts make them: this fixing at its level plus the points of every shift of its
     * rate in effect on its day, and, on each such shift's first day with no fixing of its own, the level then in
     * force (this fixing, if it is the latest before that day) plus the points in effect.
     */
    private void shift(BaseRateFixed fixed) {
        BaseRateName rate = fixed.rateName();
        if (shifts.stream().noneMatch(shift -> shift.baseRate().equals(rate))) {
            return;
        }
        TreeMap<LocalDate, Rate> levels = unshifted.computeIfAbsent(rate, name -> new TreeMap<>());
        levels.put(fixed.effectiveDate(), fixed.ratePct());
        fixings.fix(rate, fixed.effectiveDate(), shifted(rate, fixed.effectiveDate(), fixed.ratePct()));
        for (Change.ShiftRate shift : shifts) {
            LocalDate from = shift.from();
            if (shift.baseRate().equals(rate) && !levels.containsKey(from)
                    && fixed.effectiveDate().equals(levels.floorKey(from))) {
                fixings.fix(rate, from, shifted(rate, from, fixed.ratePct()));
            }
        }
    }

    private Rate shifted(BaseRateName rate, LocalDate day, Rate level) {
        BigDecimal points = BigDecimal.ZERO;
        for (Change.ShiftRate shift : shifts) {
            if (shift.baseRate().equals(rate) && !shift.from().isAfter(day)) {
                points = points.add(BigDecimal.valueOf(shift.bps(), 2));
            }
        }
        return points.signum() == 0 ? level : new Rate(level.percent().add(points));
    }

    /** An added command and the base position it is decided before. */
    private record Placed(int position, int change) {
    }

    /**
     * Where each change falls in the base journal, checked before anything is decided: the adds in the order they
     * are decided, and for each base event the change that removes or replaces it (or -1).
     */
    private record Plan(List<Placed> adds, int[] changed, int firstChange) {

        static Plan of(ProgramId program, List<JournalEntry> base, List<Change> changes) {
            if (base.isEmpty()) {
                throw new IllegalArgumentException("program " + program + " has no journal to branch");
            }
            Map<String, Integer> positions = new HashMap<>();
            List<Placed> adds = new ArrayList<>();
            int[] changed = null;
            int first = base.size();
            for (int index = 0; index < changes.size(); index++) {
                Change change = changes.get(index);
                if (change instanceof Change.Add add) {
                    requireProgram(program, index, add.command());
                    int at = placement(base, add.command().effectiveDate());
                    adds.add(new Placed(at, index));
                    first = Math.min(first, at);
                } else if (change instanceof Change.Remove || change instanceof Change.Replace) {
                    if (changed == null) {
                        changed = new int[base.size()];
                        Arrays.fill(changed, -1);
                        for (int i = 0; i < base.size(); i++) {
                            positions.put(base.get(i).eventId(), i);
                        }
                    }
                    String eventId = change instanceof Change.Remove remove ? remove.eventId()
                            : ((Change.Replace) change).eventId();
                    if (change instanceof Change.Replace replace) {
                        requireProgram(program, index, replace.command());
                    }
                    first = Math.min(first, target(positions, base, changed, index, eventId));
                } else if (change instanceof Change.ShiftRate shift) {
                    // Decided again from the first waterfall of a period the shift reaches.
                    for (int i = 0; i < first; i++) {
                        if (base.get(i).event() instanceof WaterfallRun run
                                && !run.periodEnd().isBefore(shift.from())) {
                            first = i;
                            break;
                        }
                    }
                } else if (change instanceof Change.ScaleCashFlows scale) {
                    // Decided again from the first cash flow it scales; none scaled, nothing changes.
                    for (int i = 0; i < first; i++) {
                        if (CashFlowScale.scales(scale, base.get(i).event())) {
                            first = i;
                            break;
                        }
                    }
                }
            }
            // Stable: adds at one position are decided in the order the request lists them.
            adds.sort(Comparator.comparingInt(Placed::position));
            return new Plan(adds, changed, first);
        }

        int changeAt(int position) {
            return changed == null ? -1 : changed[position];
        }

        private static int placement(List<JournalEntry> base, LocalDate effectiveDate) {
            for (int i = 0; i < base.size(); i++) {
                if (base.get(i).event().effectiveDate().isAfter(effectiveDate)) {
                    return i;
                }
            }
            return base.size();
        }

        private static int target(Map<String, Integer> positions, List<JournalEntry> base, int[] changed, int index,
                                  String eventId) {
            Integer position = positions.get(eventId);
            if (position == null) {
                throw new InvalidChange(index, "event " + eventId + " is not in the program's journal as known then");
            }
            if (base.get(position).event() instanceof ProgramCreated) {
                throw new InvalidChange(index, "event " + eventId + " created the program; a what-if branches an "
                        + "existing program and cannot remove or replace its creation");
            }
            if (changed[position] >= 0) {
                throw new InvalidChange(index, "event " + eventId + " is already removed or replaced by change "
                        + changed[position]);
            }
            changed[position] = index;
            return position;
        }

        private static void requireProgram(ProgramId program, int index, LedgerCommand command) {
            if (command instanceof ProgramCommand programCommand && !programCommand.programId().equals(program)) {
                throw new InvalidChange(index, "the command is for program " + programCommand.programId()
                        + ", not " + program);
            }
        }
    }
}
