package com.capitalledger.projections.fold.equity;

import com.capitalledger.core.calc.Ratios;
import com.capitalledger.core.equity.InvestorAccount;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.projections.fold.equity.InvestorPosition.Status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The investor-positions read model of one program: a pure fold of {@link EquityMovement}s in stream order into the
 * core's {@link InvestorAccount}s, which derive unfunded, paid-in and default status as the decisions do. The same
 * fold runs over movements derived in memory (what-if, consistency checks) and over movements read from storage.
 */
public final class InvestorPositions {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.SCALE);

    private final CurrencyCode currency;
    private final Map<String, InvestorAccount> accounts = new TreeMap<>();

    /** @param currency the program's: the amounts of its commitments */
    public InvestorPositions(CurrencyCode currency) {
        this.currency = currency;
    }

    /** Moves the investor's account as the core's equity book does for the event the movement came from. */
    public InvestorPositions apply(EquityMovement movement) {
        InvestorAccount account = accounts.getOrDefault(movement.investorId(),
                InvestorAccount.committed(null, Money.zero(currency)));
        accounts.put(movement.investorId(), switch (movement.kind()) {
            case COMMITTED -> InvestorAccount.committed(movement.investorName(), money(movement.committed()));
            case INCREASED, TRANSFERRED_IN -> account.withCommitted(account.committed().plus(money(movement.committed())));
            case REDUCED, CANCELLED, TRANSFERRED_OUT ->
                    account.withCommitted(account.committed().minus(money(movement.committed().negate())));
            case CALLED -> account.withCalled(money(movement.called()));
            case DEFAULTED -> account.withDefault(new CallId(movement.callId()), money(movement.defaulted()));
            case CURED -> account.withCure(new CallId(movement.callId()), money(movement.defaulted().negate()));
        });
        return this;
    }

    /** An independent copy (the accounts are immutable), to fold on from a checkpoint. */
    public InvestorPositions copy() {
        InvestorPositions copy = new InvestorPositions(currency);
        copy.accounts.putAll(accounts);
        return copy;
    }

    /** Entries held, for a checkpoint cache's budget. */
    public int entries() {
        return accounts.size();
    }

    public InvestorPositions applyAll(Iterable<EquityMovement> movements) {
        movements.forEach(this::apply);
        return this;
    }

    /** Every investor in id order, with ownership computed against the program's totals. */
    public List<InvestorPosition> positions() {
        BigDecimal totalCalled = sum(InvestorAccount::called);
        BigDecimal totalPaidIn = sum(InvestorAccount::paidIn);
        List<InvestorPosition> positions = new ArrayList<>();
        accounts.forEach((id, a) -> positions.add(new InvestorPosition(id, a.name(), a.committed().amount(),
                a.called().amount(), a.paidIn().amount(), a.defaulted().amount(), a.unfunded().amount(),
                Ratios.percentOf(a.called().amount(), totalCalled), Ratios.percentOf(a.paidIn().amount(), totalPaidIn),
                a.inDefault() ? Status.IN_DEFAULT : Status.ACTIVE,
                a.openDefaultCalls().stream().map(CallId::value).toList())));
        return positions;
    }

    public EquityTotals totals() {
        List<InvestorPosition> positions = positions();
        return new EquityTotals(
                sumOf(positions, InvestorPosition::committed), sumOf(positions, InvestorPosition::called),
                sumOf(positions, InvestorPosition::paidIn), sumOf(positions, InvestorPosition::defaulted),
                sumOf(positions, InvestorPosition::unfunded),
                positions.stream().map(InvestorPosition::ownershipPct)
                        .reduce(BigDecimal.ZERO.setScale(Ratios.PERCENT_SCALE), BigDecimal::add),
                positions.stream().map(InvestorPosition::ownershipPctPaidIn)
                        .reduce(BigDecimal.ZERO.setScale(Ratios.PERCENT_SCALE), BigDecimal::add));
    }

    private BigDecimal sum(Function<InvestorAccount, Money> figure) {
        return accounts.values().stream().map(figure).map(Money::amount).reduce(ZERO, BigDecimal::add);
    }

    private Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }

    private static BigDecimal sumOf(List<InvestorPosition> positions,
                                    Function<InvestorPosition, BigDecimal> figure) {
        return positions.stream().map(figure).reduce(ZERO, BigDecimal::add);
    }
}
