package com.capitalledger.core.debt.api;

import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.Rate;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A tranche's margin changed from {@code effectiveDate}; a second repricing on the same date replaces the first. */
@Revision("1")
public record TrancheRepriced(ProgramId programId, TrancheId trancheId, Rate newMarginPct, LocalDate effectiveDate) implements DebtEvent {
}
