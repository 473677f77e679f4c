package com.capitalledger.core.cashflow.api;

/** Why the distribution test failed, in the order they are listed. */
public enum DistributionBlock {
    DSCR_BELOW_LOCK_UP,
    DSRA_BELOW_TARGET,
    PAYMENT_SHORTFALL,
    EVENT_OF_DEFAULT
}
