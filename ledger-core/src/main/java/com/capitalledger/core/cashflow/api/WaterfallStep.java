package com.capitalledger.core.cashflow.api;

/** The four debt steps of the waterfall, in the order they are paid (the DSRA comes between 2 and 4). */
public enum WaterfallStep {
    SENIOR_INTEREST_AND_FEES,
    SENIOR_PRINCIPAL,
    MEZZANINE_INTEREST_AND_FEES,
    MEZZANINE_PRINCIPAL
}
