package com.capitalledger.projections.fold.positions;

import com.capitalledger.core.calc.Ratios;

import java.math.BigDecimal;

/**
 * The program's capital structure: paid-in equity against outstanding debt, the debt share of the total (percent,
 * six decimals) and whether the gearing covenant holds at that point.
 */
public record Capitalisation(BigDecimal paidInEquity, BigDecimal outstandingDebt, BigDecimal totalCapitalisation,
                             BigDecimal debtPctOfCapitalisation, BigDecimal maxDebtPct, boolean covenantOk) {

    public static Capitalisation of(BigDecimal paidIn, BigDecimal outstanding, BigDecimal maxDebtPct) {
        return new Capitalisation(paidIn, outstanding, paidIn.add(outstanding), Ratios.gearingPct(outstanding, paidIn),
                maxDebtPct, Ratios.withinGearing(outstanding, paidIn, maxDebtPct));
    }
}
