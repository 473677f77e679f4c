package com.capitalledger.core.debt.api;

/** Where a tranche ranks in repayment: senior debt before mezzanine. */
public enum Seniority {
    SENIOR,
    MEZZANINE
}
