package com.capitalledger.core.whatif;

import com.capitalledger.core.shared.RejectionCode;

import java.time.LocalDate;

/** A recorded event that the branch, decided again after the changes, now refuses: with the code it would get. */
public record Consequence(String eventId, String type, LocalDate effectiveDate, RejectionCode code, String message) {
}
