package com.capitalledger.projections.fold.notices;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One investor's notice of a distribution: the waterfall's period and payment date, the amount it distributed, the
 * investor's allocation and its share basis (its paid-in on the payment date, of the paid-in of every investor the
 * distribution allocated to), and what it has been distributed to date, this distribution included.
 * {@code globalIndex} is the WaterfallRun event's.
 */
public record DistributionNotice(String programId, LocalDate paymentDate, LocalDate periodEnd, BigDecimal amount,
                                 String investorId, BigDecimal allocation, BigDecimal paidIn, BigDecimal basisPaidIn,
                                 BigDecimal distributedToDate, long globalIndex) {
}
