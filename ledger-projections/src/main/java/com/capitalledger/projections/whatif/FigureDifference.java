package com.capitalledger.projections.whatif;

import java.time.LocalDate;

/**
 * One figure that differs between the base and the scenario as of a date, by its path in the documents (such as
 * {@code investors[SOFTBANK].called} or {@code cashFlows.periods[2028-06-30].waterfall.dscr}); {@code delta} is
 * scenario minus base for numbers present on both sides.
 */
public record FigureDifference(LocalDate asOf, String path, String base, String scenario, String delta) {
}
