package com.capitalledger.core.cashflow.api;

/** Why an investor with paid-in capital received nothing from a distribution. */
public enum ExclusionReason {
    /** A capital-call default of the investor was open at the period end. */
    IN_DEFAULT
}
