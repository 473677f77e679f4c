package com.capitalledger.api.whatif;

import com.capitalledger.api.web.NotFound;
import com.capitalledger.api.whatif.WhatIfQuestions.Question;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.RejectionCode;
import com.capitalledger.core.whatif.JournalEntry;
import com.capitalledger.projections.whatif.WhatIfAnalysis;
import com.capitalledger.projections.whatif.WhatIfResult;
import org.springframework.stereotype.Component;

import java.util.List;

/** Runs what-ifs against the program's journal as recorded: read, branch, fold, compare; nothing written. */
@Component
class WhatIfs {

    private final ProgramJournal journal;

    WhatIfs(ProgramJournal journal) {
        this.journal = journal;
    }

    WhatIfResult run(ProgramId program, Question question) {
        List<JournalEntry> recorded = journal.read(program, question.knownAt());
        if (recorded.isEmpty()) {
            throw new NotFound(RejectionCode.NO_PROGRAM, "program " + program + " does not exist"
                    + " (as known at " + question.knownAt() + ")");
        }
        return WhatIfAnalysis.run(program, recorded, question.changes(), question.asOf(), question.knownAt());
    }
}
