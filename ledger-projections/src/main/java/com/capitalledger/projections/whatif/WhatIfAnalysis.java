package com.capitalledger.projections.whatif;

import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.whatif.Branch;
import com.capitalledger.core.whatif.Branched;
import com.capitalledger.core.whatif.Change;
import com.capitalledger.core.whatif.JournalEntry;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.positions.PositionsFold;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a what-if in memory: branches the program's journal with the changes ({@link Branch}, the live decision code),
 * folds the base and the branch into positions, cash flows and returns at each date with the read models' own folds, and lists
 * every figure that differs. Touches no storage: the caller hands it the journal.
 */
public final class WhatIfAnalysis {

    private WhatIfAnalysis() {
    }

    /**
     * @param journal the program's events and every base-rate fixing recorded up to {@code knownAt}, in recorded order;
     *                it includes the program's creation
     * @throws com.capitalledger.core.whatif.InvalidChange when a change cannot be applied to this journal
     */
    public static WhatIfResult run(ProgramId program, List<JournalEntry> journal, List<Change> changes,
                                   List<LocalDate> asOf, Instant knownAt) {
        Branched branched = Branch.replay(program, journal, changes);
        PositionsFold base = PositionsFold.of(recorded(journal), program.value());
        PositionsFold scenario = PositionsFold.of(recorded(branched.journal()), program.value());
        List<WhatIfDocument> baseDocuments = new ArrayList<>(asOf.size());
        List<WhatIfDocument> scenarioDocuments = new ArrayList<>(asOf.size());
        List<FigureDifference> differences = new ArrayList<>();
        for (LocalDate date : asOf) {
            Bitemporal at = new Bitemporal(date, knownAt);
            WhatIfDocument before = document(base, at).orElseThrow(() -> new IllegalArgumentException(
                    "program " + program + " is not in the journal given"));
            WhatIfDocument after = document(scenario, at).orElseThrow();
            baseDocuments.add(before);
            scenarioDocuments.add(after);
            differences.addAll(Differences.between(before, after));
        }
        return new WhatIfResult(program.value(), knownAt.truncatedTo(ChronoUnit.MILLIS), branched.changes(),
                branched.consequences(), baseDocuments, scenarioDocuments, differences);
    }

    private static Optional<WhatIfDocument> document(PositionsFold fold, Bitemporal at) {
        return fold.at(at).map(positions -> new WhatIfDocument(positions, fold.cashFlows(at).orElseThrow(),
                fold.returns(at).orElseThrow()));
    }

    /** Journal entries as the read models' folds take them, numbered in order. */
    private static List<Recorded<?>> recorded(List<JournalEntry> journal) {
        List<Recorded<?>> recorded = new ArrayList<>(journal.size());
        for (int i = 0; i < journal.size(); i++) {
            JournalEntry entry = journal.get(i);
            recorded.add(new Recorded<>(entry.event(), i, entry.recordedAt()));
        }
        return recorded;
    }
}
