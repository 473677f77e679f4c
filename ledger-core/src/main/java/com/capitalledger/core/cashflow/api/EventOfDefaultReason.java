package com.capitalledger.core.cashflow.api;

import java.time.LocalDate;

/** Why a waterfall opened an event of default; each kind at most once per period. */
public enum EventOfDefaultReason {
    /** The DSCR fell below the default threshold. */
    DSCR_BELOW_DEFAULT("DSCR"),
    /** A debt step (1, 2, 4 or 5) was not paid in full. */
    PAYMENT_SHORTFALL("PAYMENT");

    private final String idSuffix;

    EventOfDefaultReason(String idSuffix) {
        this.idSuffix = idSuffix;
    }

    /** The id of this kind of event of default opened by the waterfall of the period ending {@code periodEnd}. */
    public EventOfDefaultId idFor(LocalDate periodEnd) {
        return new EventOfDefaultId("EOD-" + periodEnd + "-" + idSuffix);
    }
}
