package com.capitalledger.core.cashflow;

import com.capitalledger.core.calc.Act360;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Step 3's target T: the forecast senior debt service of the {@code dsraPeriods} periods after the one being paid.
 * For each such period and senior tranche: its scheduled installment (capped at the forecast balance), plus interest
 * HALF_EVEN(balance × rate × days / 36,000), where rate is the tranche's all-in rate on the period end being paid,
 * days the period's days, and balance the outstanding after this waterfall less the forecast installments of the
 * periods before. Commitment fees are not forecast: a tranche in operations is fully drawn or past availability.
 */
public final class DsraTarget {

    private DsraTarget() {
    }

    /** A forecast period: its payment date (where its installments fall due) and its days. */
    public record ForecastPeriod(LocalDate paymentDate, long days) {
    }

    /**
     * One senior tranche as the forecast sees it.
     *
     * @param installments the installments still to fall due, by due date (amounts for the fixed or forecast base)
     */
    public record SeniorTranche(BigDecimal outstandingAfter, BigDecimal allInRatePct,
                                Map<LocalDate, BigDecimal> installments) {
    }

    public static BigDecimal target(List<ForecastPeriod> periods, List<SeniorTranche> tranches) {
        BigDecimal target = BigDecimal.ZERO.setScale(2);
        for (SeniorTranche tranche : tranches) {
            BigDecimal balance = tranche.outstandingAfter();
            for (ForecastPeriod period : periods) {
                if (balance.signum() <= 0) {
                    break;
                }
                BigDecimal interest = Act360.toCents(balance.multiply(tranche.allInRatePct())
                        .multiply(BigDecimal.valueOf(period.days())));
                BigDecimal installment = tranche.installments().getOrDefault(period.paymentDate(), BigDecimal.ZERO)
                        .min(balance);
                target = target.add(interest.max(BigDecimal.ZERO)).add(installment);
                balance = balance.subtract(installment);
            }
        }
        return target;
    }
}
