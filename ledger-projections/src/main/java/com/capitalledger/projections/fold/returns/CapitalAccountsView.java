package com.capitalledger.projections.fold.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every investor's capital account for one period and the program's, which is their exact sum figure by figure
 * (NAV is split by largest remainder, so the investors' NAVs add up to the program's to the cent).
 */
public record CapitalAccountsView(String programId, LocalDate from, LocalDate to, Instant knownAt,
                                  List<InvestorAccount> investors, CapitalAccountView.Figures program) {

    public record InvestorAccount(String investorId, BigDecimal beginningNav, BigDecimal contributions,
                                  BigDecimal distributions, BigDecimal netChangeInValue, BigDecimal endingNav,
                                  BigDecimal committed, BigDecimal unfunded) {

        static InvestorAccount of(String investorId, CapitalAccountView.Figures figures) {
            return new InvestorAccount(investorId, figures.beginningNav(), figures.contributions(),
                    figures.distributions(), figures.netChangeInValue(), figures.endingNav(), figures.committed(),
                    figures.unfunded());
        }
    }
}
