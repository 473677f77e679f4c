package com.capitalledger.core.rates;

import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Rate;

/**
 * The decision on a base-rate fixing, as a pure function. Fixings may be back-dated as corrections, so there is no
 * ordering rule to enforce: only the benchmark's name and the rate's format are checked.
 */
public final class BaseRateDecider {

    private BaseRateDecider() {
    }

    /** @throws LedgerRejection UNKNOWN_BASE_RATE or INVALID_RATE */
    public static BaseRateFixed decide(RecordBaseRateFixing command) {
        return new BaseRateFixed(BaseRateName.of(command.rateName()),
                Rate.baseRate(command.ratePct()), command.effectiveDate());
    }
}
