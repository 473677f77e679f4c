package com.capitalledger.projections.fold.cashflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A program's operations as of a date and as known at an instant: its terms (null before any), each period with a
 * recorded cash flow and its waterfall (null until the payment date), and the events of default its waterfalls
 * opened, waived or not by then.
 */
public record CashFlowsView(String programId, LocalDate asOf, OperatingTermsView terms,
                            List<CashFlowPeriod> periods, List<EventOfDefaultView> eventsOfDefault) {

    /** The operating terms in effect; DSCR thresholds with up to 4 dp. */
    public record OperatingTermsView(LocalDate operationsStart, int periodMonths, BigDecimal lockUpDscr,
                                     BigDecimal defaultDscr, int dsraPeriods) {
    }

    /** One period's recorded cash flow (the latest record for it) and its waterfall, if it has run. */
    public record CashFlowPeriod(LocalDate periodEnd, LocalDate paymentDate, BigDecimal revenue,
                                 BigDecimal operatingCosts, BigDecimal taxes, BigDecimal maintenanceCapex,
                                 BigDecimal cfads, WaterfallView waterfall) {
    }

    /** What a waterfall decided: the four debt steps in order, the two accounts, the DSCR and the distribution. */
    public record WaterfallView(BigDecimal cashAvailable, List<WaterfallStepView> steps, DsraAccount dsra,
                                LockUpAccount lockUp, BigDecimal dscr, DistributionTestView distributionTest,
                                BigDecimal distributed) {
    }

    public record WaterfallStepView(String step, BigDecimal due, BigDecimal paid, BigDecimal shortfall) {
    }

    public record DsraAccount(BigDecimal opening, BigDecimal drawn, BigDecimal released, BigDecimal toppedUp,
                              BigDecimal closing, BigDecimal target) {
    }

    public record LockUpAccount(BigDecimal opening, BigDecimal trapped, BigDecimal released, BigDecimal closing) {
    }

    public record DistributionTestView(boolean passed, List<String> reasons) {
    }

    /** An event of default; {@code waived} once a waiver effective on or before the as-of date is known. */
    public record EventOfDefaultView(String id, LocalDate periodEnd, String reason, boolean waived) {
    }
}
