package com.capitalledger.core.program;

import com.capitalledger.core.program.api.PhaseId;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A capital call as the aggregate remembers it: who was allocated what, and who is in default on it. */
record CallRecord(PhaseId phaseId, Map<String, BigDecimal> allocations, Set<String> defaulted) {

    CallRecord {
        allocations = Map.copyOf(allocations);
        defaulted = Set.copyOf(defaulted);
    }

    BigDecimal allocationOf(String investorId) {
        return allocations.getOrDefault(investorId, BigDecimal.ZERO);
    }

    CallRecord withDefault(String investorId, boolean inDefault) {
        Set<String> now = new TreeSet<>(defaulted);
        if (inDefault) {
            now.add(investorId);
        } else {
            now.remove(investorId);
        }
        return new CallRecord(phaseId, allocations, now);
    }
}
