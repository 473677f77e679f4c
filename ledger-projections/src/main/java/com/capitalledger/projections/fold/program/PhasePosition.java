package com.capitalledger.projections.fold.program;

import java.math.BigDecimal;

/** A phase's budget and what has been deployed against it: equity called (defaults included) plus debt drawn. */
public record PhasePosition(String phaseId, String name, BigDecimal budget, BigDecimal equityCalled,
                            BigDecimal debtDrawn, BigDecimal deployed, BigDecimal remaining) {
}
