package com.capitalledger.core.equity;

import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.PhaseId;

import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** A capital call as the program remembers it: who was allocated what, and who is in default on it. */
public record CallRecord(PhaseId phaseId, SortedMap<InvestorId, Money> allocations, Set<InvestorId> defaulted) {

    public CallRecord {
        allocations = new TreeMap<>(allocations);
        defaulted = Set.copyOf(defaulted);
    }

    /** The investor's allocation in this call; empty if the call left it out. */
    public Optional<Money> allocationOf(InvestorId investor) {
        return Optional.ofNullable(allocations.get(investor));
    }

    public boolean isInDefault(InvestorId investor) {
        return defaulted.contains(investor);
    }

    CallRecord withDefault(InvestorId investor, boolean inDefault) {
        Set<InvestorId> now = new TreeSet<>(defaulted);
        if (inDefault) {
            now.add(investor);
        } else {
            now.remove(investor);
        }
        return new CallRecord(phaseId, allocations, now);
    }

    static CallRecord of(PhaseId phase, SortedMap<InvestorId, Money> allocations) {
        return new CallRecord(phase, allocations, Set.of());
    }
}
