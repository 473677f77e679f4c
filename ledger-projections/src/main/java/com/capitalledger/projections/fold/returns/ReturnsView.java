package com.capitalledger.projections.fold.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code returns} document: each investor's returns and the program's, as of a date and as known at an instant.
 * The investors' contributed, distributed and NAV sum exactly to the program's.
 */
public record ReturnsView(String programId, LocalDate asOf, Instant knownAt, List<InvestorReturns> investors,
                          ProgramReturns program) {

    /** How NAV was found: the latest valuation split pro rata to paid-in, or paid-in itself when there is none. */
    public enum NavBasis {
        VALUATION, COST
    }

    public record InvestorReturns(String investorId, BigDecimal contributed, BigDecimal distributed, BigDecimal nav,
                                  NavBasis navBasis, BigDecimal dpi, BigDecimal rvpi, BigDecimal tvpi,
                                  BigDecimal irrPct) {
    }

    public record ProgramReturns(BigDecimal contributed, BigDecimal distributed, BigDecimal nav, NavBasis navBasis,
                                 BigDecimal dpi, BigDecimal rvpi, BigDecimal tvpi, BigDecimal irrPct) {
    }
}
