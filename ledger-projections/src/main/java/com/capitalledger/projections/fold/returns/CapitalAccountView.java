package com.capitalledger.projections.fold.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One investor's ILPA-style capital account for the period {@code from}-{@code to} (both inclusive), as known at an
 * instant: NAV the day before {@code from} and on {@code to}, the contributions and distributions dated in the period,
 * and netChangeInValue = endingNav − beginningNav − contributions + distributions, so the roll-forward holds exactly.
 * Committed and unfunded are as of {@code to}.
 */
public record CapitalAccountView(String programId, String investorId, LocalDate from, LocalDate to, Instant knownAt,
                                 BigDecimal beginningNav, BigDecimal contributions, BigDecimal distributions,
                                 BigDecimal netChangeInValue, BigDecimal endingNav, BigDecimal committed,
                                 BigDecimal unfunded) {

    /** The figures of one investor's account, or of the program's (the investors' sum), without the period. */
    public record Figures(BigDecimal beginningNav, BigDecimal contributions, BigDecimal distributions,
                          BigDecimal netChangeInValue, BigDecimal endingNav, BigDecimal committed,
                          BigDecimal unfunded) {
    }

    static CapitalAccountView of(String programId, String investorId, LocalDate from, LocalDate to, Instant knownAt,
                                 Figures figures) {
        return new CapitalAccountView(programId, investorId, from, to, knownAt, figures.beginningNav(),
                figures.contributions(), figures.distributions(), figures.netChangeInValue(), figures.endingNav(),
                figures.committed(), figures.unfunded());
    }
}
