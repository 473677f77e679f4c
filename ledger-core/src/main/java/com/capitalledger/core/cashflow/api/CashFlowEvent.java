package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.shared.ProgramEvent;

/**
 * A fact about the program's operations: its terms, repayment schedules, operating cash flows, waterfalls, the
 * waivers of events of default and the valuations of its equity. Sealed per package, as {@code EquityEvent} (equity.api) explains.
 */
public sealed interface CashFlowEvent extends ProgramEvent
        permits OperatingTermsSet, RepaymentScheduleSet, OperatingCashFlowRecorded, WaterfallRun,
        EventOfDefaultWaived, ValuationRecorded {

    /** This event handed to the visitor's method for its kind: the one place cash-flow events are told apart. */
    default <R> R accept(Visitor<R> visitor) {
        if (this instanceof OperatingTermsSet e) {
            return visitor.termsSet(e);
        } else if (this instanceof RepaymentScheduleSet e) {
            return visitor.scheduleSet(e);
        } else if (this instanceof OperatingCashFlowRecorded e) {
            return visitor.cashFlowRecorded(e);
        } else if (this instanceof WaterfallRun e) {
            return visitor.waterfallRun(e);
        } else if (this instanceof EventOfDefaultWaived e) {
            return visitor.eventOfDefaultWaived(e);
        }
        return visitor.valuationRecorded((ValuationRecorded) this);
    }

    /** One method per kind of cash-flow event, so whoever handles them handles every kind (a new one must be added). */
    interface Visitor<R> {
        R termsSet(OperatingTermsSet event);

        R scheduleSet(RepaymentScheduleSet event);

        R cashFlowRecorded(OperatingCashFlowRecorded event);

        R waterfallRun(WaterfallRun event);

        R eventOfDefaultWaived(EventOfDefaultWaived event);

        R valuationRecorded(ValuationRecorded event);
    }
}
