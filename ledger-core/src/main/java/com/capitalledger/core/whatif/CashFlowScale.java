package com.capitalledger.core.whatif;

import com.capitalledger.core.cashflow.api.OperatingCashFlowRecorded;
import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.shared.LedgerEvent;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Scales a recorded cash flow's revenue and operating costs. Unlike a rate shift it changes decisions (every waterfall
 * after it pays out differently), so it is applied to the command the branch decides again, not to the result.
 */
final class CashFlowScale {

    private CashFlowScale() {
    }

    /** Whether the change scales this recorded event. */
    static boolean scales(Change.ScaleCashFlows scale, LedgerEvent event) {
        return event instanceof OperatingCashFlowRecorded recorded && !recorded.periodEnd().isBefore(scale.from());
    }

    static RecordOperatingCashFlow apply(Change.ScaleCashFlows scale, RecordOperatingCashFlow command) {
        if (command.periodEnd().isBefore(scale.from())) {
            return command;
        }
        return new RecordOperatingCashFlow(command.programId(), command.periodEnd(),
                times(command.revenue(), scale.revenuePct()), times(command.operatingCosts(), scale.operatingCostsPct()),
                command.taxes(), command.maintenanceCapex(), command.currency());
    }

    private static BigDecimal times(BigDecimal amount, BigDecimal pct) {
        BigDecimal factor = BigDecimal.ONE.add(pct.movePointLeft(2));
        return amount.multiply(factor).setScale(2, RoundingMode.HALF_EVEN);
    }
}
