package com.capitalledger.projections.fold.returns;

import com.capitalledger.core.shared.Money;
import com.capitalledger.projections.fold.equity.InvestorPosition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The capital-account roll-forward of a period from the returns at its two ends: {@code before} as of the day before
 * {@code from}, {@code end} as of {@code to}, both as known at the same instant.
 */
public final class CapitalAccounts {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.SCALE);

    private final String programId;
    private final LocalDate from;
    private final LocalDate to;
    private final Instant knownAt;
    private final Returns before;
    private final Returns end;

    public CapitalAccounts(String programId, LocalDate from, LocalDate to, Instant knownAt, Returns before,
                           Returns end) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the period " + from + " to " + to + " ends before it starts");
        }
        this.programId = programId;
        this.from = from;
        this.to = to;
        this.knownAt = knownAt;
        this.before = before;
        this.end = end;
    }

    /** The investor's account, if the program knew the investor on {@code to}. */
    public Optional<CapitalAccountView> investor(String investorId) {
        return end.positions().stream().filter(p -> p.investorId().equals(investorId)).findFirst()
                .map(position -> CapitalAccountView.of(programId, investorId, from, to, knownAt, figures(position)));
    }

    /** Every investor's account and the program's, their exact sum. */
    public CapitalAccountsView all() {
        List<CapitalAccountsView.InvestorAccount> investors = new ArrayList<>();
        BigDecimal[] total = {ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO};
        for (InvestorPosition position : end.positions()) {
            CapitalAccountView.Figures figures = figures(position);
            investors.add(CapitalAccountsView.InvestorAccount.of(position.investorId(), figures));
            BigDecimal[] each = {figures.beginningNav(), figures.contributions(), figures.distributions(),
                    figures.netChangeInValue(), figures.endingNav(), figures.committed(), figures.unfunded()};
            for (int i = 0; i < total.length; i++) {
                total[i] = total[i].add(each[i]);
            }
        }
        return new CapitalAccountsView(programId, from, to, knownAt, investors, new CapitalAccountView.Figures(
                total[0], total[1], total[2], total[3], total[4], total[5], total[6]));
    }

    private CapitalAccountView.Figures figures(InvestorPosition position) {
        String id = position.investorId();
        BigDecimal beginning = before.nav(id);
        BigDecimal contributions = end.contributed(id, from, to);
        BigDecimal distributions = end.distributed(id, from, to);
        BigDecimal ending = end.nav(id);
        BigDecimal change = ending.subtract(beginning).subtract(contributions).add(distributions);
        return new CapitalAccountView.Figures(beginning, contributions, distributions, change, ending,
                position.committed(), position.unfunded());
    }
}
