package com.capitalledger.projections.whatif;

import com.capitalledger.core.whatif.ChangeOutcome;
import com.capitalledger.core.whatif.Consequence;

import java.time.Instant;
import java.util.List;

/**
 * A what-if's answer: what became of each change, which recorded events the branch refuses, the base and the scenario
 * at each requested date (each a positions document with its cash-flows and returns documents), and every figure that differs.
 */
public record WhatIfResult(String programId, Instant knownAt, List<ChangeOutcome> changes,
                           List<Consequence> consequences, List<WhatIfDocument> base, List<WhatIfDocument> scenario,
                           List<FigureDifference> differences) {
}
