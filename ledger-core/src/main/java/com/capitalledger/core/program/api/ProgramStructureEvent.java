package com.capitalledger.core.program.api;

import com.capitalledger.core.shared.ProgramEvent;

/**
 * A fact about the program itself or its phases. Sealed per package, as
 * {@link com.capitalledger.core.equity.api.EquityEvent} explains: {@link ProgramEvent} cannot be sealed, its other
 * events live in the equity and debt packages.
 */
public sealed interface ProgramStructureEvent extends ProgramEvent permits ProgramCreated, PhaseCreated {
}
