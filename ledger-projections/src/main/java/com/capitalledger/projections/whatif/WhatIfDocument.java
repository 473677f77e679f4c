package com.capitalledger.projections.whatif;

import com.capitalledger.projections.fold.cashflow.CashFlowsView;
import com.capitalledger.projections.fold.positions.ProgramPositions;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One side of a what-if at one date: exactly the positions document (its members written at the top level, as
 * {@code GET /positions} writes them) with one more member, {@code cashFlows}, exactly the {@code GET /cash-flows}
 * document at that date.
 */
public record WhatIfDocument(@JsonUnwrapped ProgramPositions positions, CashFlowsView cashFlows) {
}
