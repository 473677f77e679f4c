package com.capitalledger.projections.fold.equity;

import java.math.BigDecimal;
import java.util.List;

/**
 * One investor's equity position as of a date, with the brief's derived figures: paid-in = called - defaulted,
 * unfunded = committed - called, and ownership on called and on paid-in (percent, six decimals, HALF_EVEN).
 */
public record InvestorPosition(String investorId, String name, BigDecimal committed, BigDecimal called,
                               BigDecimal paidIn, BigDecimal defaulted, BigDecimal unfunded, BigDecimal ownershipPct,
                               BigDecimal ownershipPctPaidIn, Status status, List<String> openDefaultCalls) {

    public enum Status { ACTIVE, IN_DEFAULT }
}
