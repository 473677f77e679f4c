package com.capitalledger.projections.fold.equity;

import java.math.BigDecimal;
import java.util.List;

/**
 * One investor's equity position as of a date, with the brief's derived figures: paid-in = called - defaulted,
 * unfunded = committed - called, ownership on called and on paid-in (percent, six decimals, HALF_EVEN), and what the
 * waterfalls distributed to it (section 10).
 */
public record InvestorPosition(String investorId, String name, BigDecimal committed, BigDecimal called,
                               BigDecimal paidIn, BigDecimal defaulted, BigDecimal unfunded, BigDecimal ownershipPct,
                               BigDecimal ownershipPctPaidIn, Status status, List<String> openDefaultCalls,
                               BigDecimal distributed) {

    private static final BigDecimal NOTHING = new BigDecimal("0.00");

    /** A position before any distribution (section 10): {@code distributed} 0.00. */
    public InvestorPosition(String investorId, String name, BigDecimal committed, BigDecimal called,
                            BigDecimal paidIn, BigDecimal defaulted, BigDecimal unfunded, BigDecimal ownershipPct,
                            BigDecimal ownershipPctPaidIn, Status status, List<String> openDefaultCalls) {
        this(investorId, name, committed, called, paidIn, defaulted, unfunded, ownershipPct, ownershipPctPaidIn,
                status, openDefaultCalls, NOTHING);
    }

    /** This position with what the waterfalls distributed to the investor. */
    public InvestorPosition withDistributed(BigDecimal amount) {
        return new InvestorPosition(investorId, name, committed, called, paidIn, defaulted, unfunded, ownershipPct,
                ownershipPctPaidIn, status, openDefaultCalls, amount);
    }

    public enum Status { ACTIVE, IN_DEFAULT }
}
