package com.capitalledger.core.cashflow.api;

import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The waterfall of the period ending {@code periodEnd} ran on its payment date ({@code effectiveDate} = {@code
 * paymentDate} = period end + 1 day). It carries every figure it decided, so that read models fold it without
 * recomputing anything:
 * <ul>
 * <li>{@code cashAvailable} = max(CFADS, 0); {@code cfads} as recorded (two decimals, may be negative);</li>
 * <li>{@code steps}: the four debt steps in order, each with its due, paid and shortfall (due − paid);</li>
 * <li>{@code tranches}: per tranche paid anything or owing arrears, in tranche order, the interest, commitment fee
 * and principal paid; the principal is a repayment of the tranche on the payment date, split across its lenders
 * ({@code principalShares}, summing exactly to it) as a repayment is; which installments it paid, oldest first;
 * and the principal arrears after this waterfall;</li>
 * <li>{@code dsra} and {@code lockUp}: the two accounts' movements; {@code dscr} with 4 dp, null when not
 * applicable;</li>
 * <li>{@code distributionTest}, {@code distributed} (zero when nothing was), its {@code allocations} in investor
 * order summing exactly to it, the investors {@code excluded}, and the events of default this waterfall opened.</li>
 * </ul>
 */
@Revision("1")
public record WaterfallRun(ProgramId programId, LocalDate periodEnd, LocalDate paymentDate, Money cashAvailable,
                           BigDecimal cfads, List<StepResult> steps, List<TranchePayment> tranches, Dsra dsra,
                           LockUp lockUp, BigDecimal dscr, DistributionTest distributionTest, Money distributed,
                           List<InvestorAmount> allocations, List<Exclusion> excluded,
                           List<OpenedEventOfDefault> eventsOfDefault, LocalDate effectiveDate)
        implements CashFlowEvent {

    public WaterfallRun {
        steps = List.copyOf(steps);
        tranches = List.copyOf(tranches);
        allocations = List.copyOf(allocations);
        excluded = List.copyOf(excluded);
        eventsOfDefault = List.copyOf(eventsOfDefault);
        if (!Objects.equals(paymentDate, effectiveDate)) {
            throw new IllegalArgumentException("a waterfall takes effect on its payment date " + paymentDate
                    + ", not " + effectiveDate);
        }
    }

    /** One debt step: what was due, what was paid, and the shortfall (due − paid). */
    public record StepResult(WaterfallStep step, Money due, Money paid, Money shortfall) {
    }

    /**
     * What one tranche received. {@code principalShares} splits {@code principalPaid} across the lenders pro rata to
     * their outstanding (empty when nothing was paid).
     */
    public record TranchePayment(TrancheId trancheId, Money interestPaid, Money feePaid, Money principalPaid,
                                 List<LenderShare> principalShares, List<InstallmentPayment> installmentsPaid,
                                 Money arrearsAfter) {

        public TranchePayment {
            principalShares = List.copyOf(principalShares);
            installmentsPaid = List.copyOf(installmentsPaid);
        }
    }

    /** Money paid towards the installment that fell due on {@code dueDate}. */
    public record InstallmentPayment(LocalDate dueDate, Money amount) {
    }

    /**
     * The debt service reserve account: closing = opening − drawn − released + toppedUp; {@code target} is this
     * waterfall's target T.
     */
    public record Dsra(Money opening, Money drawn, Money released, Money toppedUp, Money closing, Money target) {
    }

    /** The lock-up account: closing = opening + trapped − released. */
    public record LockUp(Money opening, Money trapped, Money released, Money closing) {
    }

    /** Whether the distribution test passed, and if not why (in {@link DistributionBlock} order). */
    public record DistributionTest(boolean passed, List<DistributionBlock> reasons) {

        public DistributionTest {
            reasons = List.copyOf(reasons);
        }
    }

    /** One investor's share of the distribution. */
    public record InvestorAmount(InvestorId investorId, Money amount) {
    }

    /** An investor with paid-in capital left out of the distribution, and why. */
    public record Exclusion(InvestorId investorId, ExclusionReason reason) {
    }

    /** An event of default this waterfall opened. */
    public record OpenedEventOfDefault(EventOfDefaultId id, EventOfDefaultReason reason) {
    }
}
