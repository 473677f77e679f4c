package com.capitalledger.projections.whatif;

import com.capitalledger.core.whatif.ChangeOutcome;
import com.capitalledger.core.whatif.Consequence;
import com.capitalledger.projections.fold.positions.ProgramPositions;

import java.time.Instant;
import java.util.List;

/**
 * A what-if's answer: what became of each change, which recorded events the branch refuses, the base and the scenario
 * positions at each requested date (each exactly a positions document), and every figure that differs.
 */
public record WhatIfResult(String programId, Instant knownAt, List<ChangeOutcome> changes,
                           List<Consequence> consequences, List<ProgramPositions> base, List<ProgramPositions> scenario,
                           List<FigureDifference> differences) {
}
