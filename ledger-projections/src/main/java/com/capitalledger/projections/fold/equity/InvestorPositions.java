package com.capitalledger.projections.fold.equity;

import com.capitalledger.core.calc.Ratios;
import com.capitalledger.projections.fold.equity.InvestorPosition.Status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The investor-positions read model of one program: a pure fold of {@link EquityMovement}s in stream order. The same
 * fold runs over movements derived in memory (what-if, consistency checks) and over movements read from storage.
 */
public final class InvestorPositions {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final Map<String, Account> accounts = new TreeMap<>();

    private static final class Account {
        private String name;
        private BigDecimal committed = ZERO;
        private BigDecimal called = ZERO;
        private BigDecimal defaulted = ZERO;
        private final SortedSet<String> openDefaultCalls = new TreeSet<>();
    }

    public InvestorPositions apply(EquityMovement movement) {
        Account account = accounts.computeIfAbsent(movement.investorId(), id -> new Account());
        if (movement.investorName() != null) {
            account.name = movement.investorName();
        }
        account.committed = account.committed.add(movement.committed());
        account.called = account.called.add(movement.called());
        account.defaulted = account.defaulted.add(movement.defaulted());
        if (movement.kind() == EquityMovement.Kind.DEFAULTED) {
            account.openDefaultCalls.add(movement.callId());
        } else if (movement.kind() == EquityMovement.Kind.CURED) {
            account.openDefaultCalls.remove(movement.callId());
        }
        return this;
    }

    public InvestorPositions applyAll(Iterable<EquityMovement> movements) {
        movements.forEach(this::apply);
        return this;
    }

    /** Every investor in id order, with ownership computed against the program's totals. */
    public List<InvestorPosition> positions() {
        BigDecimal totalCalled = sum(a -> a.called);
        BigDecimal totalPaidIn = sum(a -> a.called.subtract(a.defaulted));
        List<InvestorPosition> positions = new ArrayList<>();
        accounts.forEach((id, a) -> {
            BigDecimal paidIn = a.called.subtract(a.defaulted);
            positions.add(new InvestorPosition(id, a.name, a.committed, a.called, paidIn, a.defaulted,
                    a.committed.subtract(a.called), Ratios.percentOf(a.called, totalCalled),
                    Ratios.percentOf(paidIn, totalPaidIn),
                    a.openDefaultCalls.isEmpty() ? Status.ACTIVE : Status.IN_DEFAULT, List.copyOf(a.openDefaultCalls)));
        });
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

    private BigDecimal sum(java.util.function.Function<Account, BigDecimal> figure) {
        return accounts.values().stream().map(figure).reduce(ZERO, BigDecimal::add);
    }

    private static BigDecimal sumOf(List<InvestorPosition> positions,
                                    java.util.function.Function<InvestorPosition, BigDecimal> figure) {
        return positions.stream().map(figure).reduce(ZERO, BigDecimal::add);
    }
}
