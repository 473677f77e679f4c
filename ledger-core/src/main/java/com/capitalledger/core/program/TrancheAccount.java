package com.capitalledger.core.program;

import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.program.api.PhaseId;
import com.capitalledger.core.rates.api.BaseRateName;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** A tranche as the aggregate needs it for draws and repayments, with each lender's commitment, drawn and repaid. */
record TrancheAccount(PhaseId phaseId, BigDecimal commitment, BaseRateName baseRate, LocalDate createdOn,
                      LocalDate availabilityEnd, Map<String, LenderAccount> lenders) {

    TrancheAccount {
        lenders = Map.copyOf(lenders);
    }

    BigDecimal drawn() {
        return sum(LenderAccount::drawn);
    }

    BigDecimal outstanding() {
        return sum(LenderAccount::outstanding);
    }

    /** Each lender's undrawn commitment: the weights of a draw's split. */
    SortedMap<String, BigDecimal> undrawnByLender() {
        return byLender(LenderAccount::undrawn);
    }

    /** Each lender's outstanding: the weights of a repayment's split. */
    SortedMap<String, BigDecimal> outstandingByLender() {
        return byLender(LenderAccount::outstanding);
    }

    TrancheAccount withDraw(List<LenderShare> shares) {
        return withShares(shares, LenderAccount::withDrawn);
    }

    TrancheAccount withRepayment(List<LenderShare> shares) {
        return withShares(shares, LenderAccount::withRepaid);
    }

    private TrancheAccount withShares(List<LenderShare> shares,
                                      java.util.function.BiFunction<LenderAccount, BigDecimal, LenderAccount> change) {
        Map<String, LenderAccount> updated = new TreeMap<>(lenders);
        for (LenderShare share : shares) {
            updated.computeIfPresent(share.lenderId().value(), (id, lender) -> change.apply(lender, share.amount().amount()));
        }
        return new TrancheAccount(phaseId, commitment, baseRate, createdOn, availabilityEnd, updated);
    }

    private SortedMap<String, BigDecimal> byLender(Function<LenderAccount, BigDecimal> figure) {
        SortedMap<String, BigDecimal> result = new TreeMap<>();
        lenders.forEach((id, lender) -> result.put(id, figure.apply(lender)));
        return result;
    }

    private BigDecimal sum(Function<LenderAccount, BigDecimal> figure) {
        return lenders.values().stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One lender's commitment to the tranche and what it has lent and been repaid. Repaid money is not redrawable. */
    record LenderAccount(BigDecimal commitment, BigDecimal drawn, BigDecimal repaid) {

        BigDecimal undrawn() {
            return commitment.subtract(drawn);
        }

        BigDecimal outstanding() {
            return drawn.subtract(repaid);
        }

        LenderAccount withDrawn(BigDecimal amount) {
            return new LenderAccount(commitment, drawn.add(amount), repaid);
        }

        LenderAccount withRepaid(BigDecimal amount) {
            return new LenderAccount(commitment, drawn, repaid.add(amount));
        }
    }
}
