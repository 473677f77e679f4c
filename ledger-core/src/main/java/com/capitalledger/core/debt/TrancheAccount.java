package com.capitalledger.core.debt;

import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.PhaseId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A tranche's terms and each lender's commitment, drawn and repaid. The program decides draws and repayments on it,
 * and the tranches read model folds its stored movements into it, so balances and lender shares are derived here
 * alone.
 */
public record TrancheAccount(PhaseId phaseId, Money commitment, BaseRateName baseRate, LocalDate createdOn,
                             LocalDate availabilityEnd, SortedMap<LenderId, LenderAccount> lenders) {

    public TrancheAccount {
        lenders = Collections.unmodifiableSortedMap(new TreeMap<>(lenders));
    }

    public Money drawn() {
        return sum(LenderAccount::drawn);
    }

    public Money repaid() {
        return sum(LenderAccount::repaid);
    }

    public Money outstanding() {
        return sum(LenderAccount::outstanding);
    }

    /** The commitment not yet drawn: repaid money is not redrawable. */
    public Money undrawn() {
        return commitment.minus(drawn());
    }

    /** Each lender's undrawn commitment: the weights of a draw's split. */
    public SortedMap<LenderId, BigDecimal> undrawnByLender() {
        return byLender(LenderAccount::undrawn);
    }

    /** Each lender's outstanding: the weights of a repayment's split. */
    public SortedMap<LenderId, BigDecimal> outstandingByLender() {
        return byLender(LenderAccount::outstanding);
    }

    /** The tranche with one more lender of the syndicate, who has lent nothing yet. */
    public TrancheAccount withLender(LenderId id, Money lenderCommitment) {
        SortedMap<LenderId, LenderAccount> updated = new TreeMap<>(lenders);
        updated.put(id, LenderAccount.committed(lenderCommitment));
        return new TrancheAccount(phaseId, commitment, baseRate, createdOn, availabilityEnd, updated);
    }

    public TrancheAccount withDraw(List<LenderShare> shares) {
        return withShares(shares, LenderAccount::withDrawn);
    }

    public TrancheAccount withRepayment(List<LenderShare> shares) {
        return withShares(shares, LenderAccount::withRepaid);
    }

    private TrancheAccount withShares(List<LenderShare> shares, BiFunction<LenderAccount, Money, LenderAccount> change) {
        SortedMap<LenderId, LenderAccount> updated = new TreeMap<>(lenders);
        for (LenderShare share : shares) {
            updated.computeIfPresent(share.lenderId(), (id, lender) -> change.apply(lender, share.amount()));
        }
        return new TrancheAccount(phaseId, commitment, baseRate, createdOn, availabilityEnd, updated);
    }

    private SortedMap<LenderId, BigDecimal> byLender(Function<LenderAccount, Money> figure) {
        SortedMap<LenderId, BigDecimal> result = new TreeMap<>();
        lenders.forEach((id, lender) -> result.put(id, figure.apply(lender).amount()));
        return result;
    }

    private Money sum(Function<LenderAccount, Money> figure) {
        Money total = Money.zero(commitment.currency());
        for (LenderAccount lender : lenders.values()) {
            total = total.plus(figure.apply(lender));
        }
        return total;
    }

    /** One lender's commitment to the tranche and what it has lent and been repaid. Repaid money is not redrawable. */
    public record LenderAccount(Money commitment, Money drawn, Money repaid) {

        static LenderAccount committed(Money commitment) {
            Money zero = Money.zero(commitment.currency());
            return new LenderAccount(commitment, zero, zero);
        }

        public Money undrawn() {
            return commitment.minus(drawn);
        }

        public Money outstanding() {
            return drawn.minus(repaid);
        }

        LenderAccount withDrawn(Money amount) {
            return new LenderAccount(commitment, drawn.plus(amount), repaid);
        }

        LenderAccount withRepaid(Money amount) {
            return new LenderAccount(commitment, drawn, repaid.plus(amount));
        }
    }
}
