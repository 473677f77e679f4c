package com.capitalledger.core.cashflow;

import com.capitalledger.core.cashflow.api.DistributionBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 6 of the waterfall: distributions are allowed iff the DSCR is at or above the lock-up threshold (or not
 * applicable), the DSRA holds its target, the four debt steps were paid in full, and no event of default is open
 * (judged after the waterfall has opened its own). Otherwise every reason is listed, in {@link DistributionBlock}
 * order.
 */
public final class DistributionTest {

    private DistributionTest() {
    }

    public static List<DistributionBlock> reasons(CoverageRatio dscr, java.math.BigDecimal lockUpDscr,
                                                  boolean dsraHoldsTarget, boolean debtPaidInFull,
                                                  boolean eventOfDefaultOpen) {
        List<DistributionBlock> reasons = new ArrayList<>();
        if (dscr.below(lockUpDscr)) {
            reasons.add(DistributionBlock.DSCR_BELOW_LOCK_UP);
        }
        if (!dsraHoldsTarget) {
            reasons.add(DistributionBlock.DSRA_BELOW_TARGET);
        }
        if (!debtPaidInFull) {
            reasons.add(DistributionBlock.PAYMENT_SHORTFALL);
        }
        if (eventOfDefaultOpen) {
            reasons.add(DistributionBlock.EVENT_OF_DEFAULT);
        }
        return reasons;
    }
}
