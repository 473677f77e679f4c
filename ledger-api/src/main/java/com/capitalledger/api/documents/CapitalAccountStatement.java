package com.capitalledger.api.documents;

import com.capitalledger.projections.fold.returns.CapitalAccountView;
import com.capitalledger.projections.fold.returns.ReturnsView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An investor's capital-account statement: the period's roll-forward, the investor's returns on its last day, and the
 * journal entries behind them with their proofs. The PDF statement prints the same figures.
 */
public record CapitalAccountStatement(String programId, String investorId, LocalDate from, LocalDate to,
                                      Instant knownAt, BigDecimal beginningNav, BigDecimal contributions,
                                      BigDecimal distributions, BigDecimal netChangeInValue, BigDecimal endingNav,
                                      BigDecimal committed, BigDecimal unfunded,
                                      @Schema(description = "The investor's returns on 'to', as GET .../returns "
                                              + "gives them") ReturnsView.InvestorReturns returns,
                                      Provenance provenance) {

    public static CapitalAccountStatement of(CapitalAccountView a, ReturnsView.InvestorReturns returns,
                                             Provenance provenance) {
        return new CapitalAccountStatement(a.programId(), a.investorId(), a.from(), a.to(), a.knownAt(),
                a.beginningNav(), a.contributions(), a.distributions(), a.netChangeInValue(), a.endingNav(),
                a.committed(), a.unfunded(), returns, provenance);
    }
}
