package com.capitalledger.core.rates.api;

import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.RejectionCode;

import java.util.Objects;
import java.util.Set;

/**
 * A published benchmark a tranche can float on. The ledger knows a fixed catalogue of USD benchmarks; a name outside
 * it is refused rather than silently starting a new, unfixed rate.
 */
public record BaseRateName(String value) {

    /** Overnight SOFR and CME Term SOFR tenors. */
    public static final Set<String> KNOWN = Set.of("SOFR", "TERM-SOFR-1M", "TERM-SOFR-3M", "TERM-SOFR-6M", "TERM-SOFR-12M");

    public BaseRateName {
        Objects.requireNonNull(value, "value");
        if (!KNOWN.contains(value)) {
            throw new IllegalArgumentException("not a known base rate: " + value);
        }
    }

    /** @throws LedgerRejection {@link RejectionCode#UNKNOWN_BASE_RATE} for a name outside {@link #KNOWN} */
    public static BaseRateName of(String value) {
        if (value == null || !KNOWN.contains(value)) {
            throw new LedgerRejection(RejectionCode.UNKNOWN_BASE_RATE,
                    "base rate " + value + " is not one of " + KNOWN.stream().sorted().toList());
        }
        return new BaseRateName(value);
    }

    /** The base rate's own event stream. */
    public String streamId() {
        return streamIdOf(value);
    }

    /** The stream of a base-rate name; the prefix keeps it apart from program ids, which cannot contain ':'. */
    public static String streamIdOf(String name) {
        return "base-rate:" + name;
    }

    @Override
    public String toString() {
        return value;
    }
}
