package com.capitalledger.core.whatif;

import java.util.List;

/**
 * A branch of a program's journal: the outcome of each change, the recorded events it now refuses, and its own
 * journal (the events as the branch decided them, in order), ready to be folded into positions.
 */
public record Branched(List<ChangeOutcome> changes, List<Consequence> consequences, List<JournalEntry> journal) {

    public Branched {
        changes = List.copyOf(changes);
        consequences = List.copyOf(consequences);
        journal = List.copyOf(journal);
    }
}
