package com.capitalledger.projections.fold.program;

import com.capitalledger.core.program.PhaseAccount;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The phase read model of one program: a pure fold of {@link PhaseMovement}s in stream order into the core's
 * {@link PhaseAccount}s, which derive deployment as the budget check does.
 */
public final class PhasePositions {

    private final CurrencyCode currency;
    private final Map<String, PhaseAccount> phases = new TreeMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> phaseOfTranche = new HashMap<>();

    /** @param currency the program's: the amounts of its budgets */
    public PhasePositions(CurrencyCode currency) {
        this.currency = currency;
    }

    public PhasePositions apply(PhaseMovement movement) {
        switch (movement.kind()) {
            case PHASE_CREATED -> {
                names.put(movement.phaseId(), movement.name());
                phases.put(movement.phaseId(), PhaseAccount.opened(money(movement.amount())));
            }
            case EQUITY_CALLED -> deploy(movement.phaseId(), phase -> phase.withEquityCalled(money(movement.amount())));
            case TRANCHE_OPENED -> phaseOfTranche.put(movement.trancheId(), movement.phaseId());
            case DEBT_DRAWN -> deploy(phaseOfTranche.get(movement.trancheId()),
                    phase -> phase.withDebtDrawn(money(movement.amount())));
        }
        return this;
    }

    /** An independent copy (the accounts are immutable), to fold on from a checkpoint. */
    public PhasePositions copy() {
        PhasePositions copy = new PhasePositions(currency);
        copy.phases.putAll(phases);
        copy.names.putAll(names);
        copy.phaseOfTranche.putAll(phaseOfTranche);
        return copy;
    }

    /** Entries held, for a checkpoint cache's budget. */
    public int entries() {
        return phases.size() + names.size() + phaseOfTranche.size();
    }

    public PhasePositions applyAll(Iterable<PhaseMovement> movements) {
        movements.forEach(this::apply);
        return this;
    }

    public List<PhasePosition> positions() {
        List<PhasePosition> positions = new ArrayList<>();
        phases.forEach((id, phase) -> positions.add(new PhasePosition(id, names.get(id), phase.budget().amount(),
                phase.equityCalled().amount(), phase.debtDrawn().amount(), phase.deployed().amount(),
                phase.remaining().amount())));
        return positions;
    }

    private void deploy(String phaseId, UnaryOperator<PhaseAccount> change) {
        PhaseAccount phase = phases.getOrDefault(phaseId, PhaseAccount.opened(Money.zero(currency)));
        phases.put(phaseId, change.apply(phase));
    }

    private Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }
}
