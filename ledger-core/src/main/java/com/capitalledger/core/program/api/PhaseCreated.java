package com.capitalledger.core.program.api;

import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A phase was added to a program with its budget. */
@Revision("1")
public record PhaseCreated(ProgramId programId, PhaseId phaseId, String name, Money budget, LocalDate effectiveDate) implements ProgramStructureEvent {
}
