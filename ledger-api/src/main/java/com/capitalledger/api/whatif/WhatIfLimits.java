package com.capitalledger.api.whatif;

import java.time.LocalDate;

/** How much one what-if may ask for: enough for any analysis, bounded so one request cannot occupy the service. */
final class WhatIfLimits {

    static final int MAX_CHANGES = 100;
    static final int MAX_DATES = 120;
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    /** A shift of the base rate by at most 100 percentage points either way. */
    static final int MAX_SHIFT_BPS = 10_000;

    private WhatIfLimits() {
    }
}
