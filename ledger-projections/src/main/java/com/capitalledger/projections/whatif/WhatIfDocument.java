package com.capitalledger.projections.whatif;

import com.capitalledger.projections.fold.cashflow.CashFlowsView;
import com.capitalledger.projections.fold.positions.ProgramPositions;
import com.capitalledger.projections.fold.returns.ReturnsView;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One side of a what-if at one date: exactly the positions document (its members written at the top level, as
 * {@code GET /positions} writes them) with two more members, {@code cashFlows} and {@code returns}, exactly the
 * {@code GET /cash-flows} and {@code GET /returns} documents at that date.
 */
public record WhatIfDocument(@JsonUnwrapped ProgramPositions positions, CashFlowsView cashFlows,
                             ReturnsView returns) {
}
