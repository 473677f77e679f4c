package com.capitalledger.projections.fold.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The phase read model of one program: a pure fold of {@link PhaseMovement}s in stream order. */
public final class PhasePositions {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final Map<String, Phase> phases = new TreeMap<>();
    private final Map<String, String> phaseOfTranche = new HashMap<>();

    private static final class Phase {
        private String name;
        private BigDecimal budget = ZERO;
        private BigDecimal equityCalled = ZERO;
        private BigDecimal debtDrawn = ZERO;
    }

    public PhasePositions apply(PhaseMovement movement) {
        switch (movement.kind()) {
            case PHASE_CREATED -> {
                Phase phase = phase(movement.phaseId());
                phase.name = movement.name();
                phase.budget = movement.amount();
            }
            case EQUITY_CALLED -> {
                Phase phase = phase(movement.phaseId());
                phase.equityCalled = phase.equityCalled.add(movement.amount());
            }
            case TRANCHE_OPENED -> phaseOfTranche.put(movement.trancheId(), movement.phaseId());
            case DEBT_DRAWN -> {
                Phase phase = phase(phaseOfTranche.get(movement.trancheId()));
                phase.debtDrawn = phase.debtDrawn.add(movement.amount());
            }
        }
        return this;
    }

    public PhasePositions applyAll(Iterable<PhaseMovement> movements) {
        movements.forEach(this::apply);
        return this;
    }

    public List<PhasePosition> positions() {
        List<PhasePosition> positions = new ArrayList<>();
        phases.forEach((id, p) -> {
            BigDecimal deployed = p.equityCalled.add(p.debtDrawn);
            positions.add(new PhasePosition(id, p.name, p.budget, p.equityCalled, p.debtDrawn, deployed,
                    p.budget.subtract(deployed)));
        });
        return positions;
    }

    private Phase phase(String phaseId) {
        return phases.computeIfAbsent(phaseId, id -> new Phase());
    }
}
