package com.capitalledger.projections.fold.debt;

import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.Lender;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.projections.fold.Journal;
import com.capitalledger.projections.fold.Values;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.debt.TranchePosition.LenderPosition;
import com.capitalledger.projections.fold.debt.TranchePosition.MarginChange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static com.capitalledger.projections.fold.Values.d;
import static com.capitalledger.projections.fold.Values.day;
import static com.capitalledger.projections.fold.Values.rate;
import static com.capitalledger.projections.fold.Values.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tranche fold, fed debt events and fixings in memory. Accruals are checked against the brief's ACT/360 method
 * computed here day by day: Σ outstanding(d) × (base(d) + margin(d)) over creation..as-of, / 36,000, rounded once,
 * HALF_EVEN, to the cent; the fee likewise on undrawn commitment up to the availability end.
 */
class DebtFoldTest {

    private static final ProgramId P = new ProgramId("STARGATE");
    private static final PhaseId ABILENE = new PhaseId("ABILENE");
    private static final TrancheId T1 = new TrancheId("T1");
    private static final LenderId L1 = new LenderId("L1");
    private static final LenderId L2 = new LenderId("L2");
    private static final BaseRateName SOFR = new BaseRateName("SOFR");
    private static final BigDecimal DAYS_PERCENT = BigDecimal.valueOf(36_000);

    private static TranchePositions fold(List<Recorded<?>> journal) {
        TranchePositions tranches = new TranchePositions(Values.USD);
        journal.forEach(recorded -> {
            DebtMovements.fixing(recorded).ifPresent(tranches::apply);
            DebtMovements.of(recorded).forEach(tranches::apply);
        });
        return tranches;
    }

    /**
     * A 100m tranche from 1 January, available to 31 January: 30m drawn on the 11th, the margin 2.25 → 2.50 on the
     * 21st, SOFR 4.30 → 4.10 on the 26th, 10m repaid on 5 February.
     */
    private static Journal history() {
        Journal journal = new Journal();
        journal.add(new BaseRateFixed(SOFR, rate("4.30000"), day("2025-01-01")));
        journal.add(new TrancheCreated(P, T1, ABILENE, "Senior A", Seniority.SENIOR, usd("100000000.00"), SOFR,
                rate("2.2500"), rate("0.5000"), day("2025-01-31"),
                List.of(new Lender(L1, "Bank one", usd("60000000.00")), new Lender(L2, "Bank two", usd("40000000.00"))),
                day("2025-01-01")));
        journal.add(new TrancheDrawn(P, T1, new DrawId("D1"), usd("30000000.00"),
                List.of(new LenderShare(L1, usd("18000000.00")), new LenderShare(L2, usd("12000000.00"))),
                day("2025-01-11")));
        journal.add(new TrancheRepriced(P, T1, rate("2.5000"), day("2025-01-21")));
        journal.add(new BaseRateFixed(SOFR, rate("4.10000"), day("2025-01-26")));
        journal.add(new TrancheRepaid(P, T1, new RepaymentId("R1"), usd("10000000.00"),
                List.of(new LenderShare(L1, usd("6000000.00")), new LenderShare(L2, usd("4000000.00"))),
                day("2025-02-05")));
        return journal;
    }

    /** The scenario's interest, day by day, from the history's own terms. */
    private static BigDecimal interestByDay(LocalDate asOf) {
        BigDecimal sum = BigDecimal.ZERO;
        for (LocalDate day = day("2025-01-01"); !day.isAfter(asOf); day = day.plusDays(1)) {
            BigDecimal outstanding = day.isBefore(day("2025-01-11")) ? d("0")
                    : day.isBefore(day("2025-02-05")) ? d("30000000.00") : d("20000000.00");
            BigDecimal base = day.isBefore(day("2025-01-26")) ? d("4.30000") : d("4.10000");
            BigDecimal margin = day.isBefore(day("2025-01-21")) ? d("2.2500") : d("2.5000");
            sum = sum.add(outstanding.multiply(base.add(margin)));
        }
        return sum.divide(DAYS_PERCENT, 2, RoundingMode.HALF_EVEN);
    }

    /** The scenario's commitment fee, day by day: 0.50 % on commitment less cumulative draws, to 31 January. */
    private static BigDecimal feeByDay(LocalDate asOf) {
        BigDecimal sum = BigDecimal.ZERO;
        LocalDate end = asOf.isBefore(day("2025-01-31")) ? asOf : day("2025-01-31");
        for (LocalDate day = day("2025-01-01"); !day.isAfter(end); day = day.plusDays(1)) {
            BigDecimal undrawn = day.isBefore(day("2025-01-11")) ? d("100000000.00") : d("70000000.00");
            sum = sum.add(undrawn.multiply(d("0.5000")));
        }
        return sum.divide(DAYS_PERCENT, 2, RoundingMode.HALF_EVEN);
    }

    @Test
    void aTrancheIsFoldedWithItsBalancesRatesLendersAndAccrualsToTheCent() {
        LocalDate asOf = day("2025-02-10");

        TranchePosition position = fold(history().entries()).position("T1", asOf).orElseThrow();

        // 30m × 6.55 × 10 days + 30m × 6.80 × 5 + 30m × 6.60 × 10 + 20m × 6.60 × 6 = 5,757,000,000 / 36,000
        assertThat(interestByDay(asOf)).isEqualTo(d("159916.67"));
        // 100m × 0.50 × 10 days + 70m × 0.50 × 21 = 1,235,000,000 / 36,000
        assertThat(feeByDay(asOf)).isEqualTo(d("34305.56"));
        assertThat(position).isEqualTo(new TranchePosition("T1", "ABILENE", "Senior A", "SENIOR", d("100000000.00"),
                d("30000000.00"), d("10000000.00"), d("20000000.00"), d("70000000.00"), "SOFR", "4.10000",
                "2.50000", "6.60000", "0.50000", d("159916.67"), d("34305.56"), day("2025-01-31"),
                List.of(new MarginChange(day("2025-01-01"), "2.25000"), new MarginChange(day("2025-01-21"), "2.50000")),
                List.of(new LenderPosition("L1", "Bank one", d("60000000.00"), d("18000000.00"), d("6000000.00"),
                                d("12000000.00")),
                        new LenderPosition("L2", "Bank two", d("40000000.00"), d("12000000.00"), d("4000000.00"),
                                d("8000000.00")))));
    }

    @Test
    void accrualsFollowTheDayByDayMethodOnEveryDayOfTheHistory() {
        List<Recorded<?>> journal = history().entries();
        for (LocalDate asOf = day("2025-01-01"); !asOf.isAfter(day("2025-03-31")); asOf = asOf.plusDays(1)) {
            LocalDate date = asOf;
            // Only the facts effective by the as-of date are folded, as the stored read model selects them.
            List<Recorded<?>> effective = journal.stream()
                    .filter(r -> !((LedgerEvent) r.event()).effectiveDate().isAfter(date)).toList();

            TranchePosition position = fold(effective).position("T1", asOf).orElseThrow();

            assertThat(position.accruedInterest()).as("interest as of %s", asOf).isEqualTo(interestByDay(asOf));
            assertThat(position.accruedCommitmentFee()).as("fee as of %s", asOf).isEqualTo(feeByDay(asOf));
        }
    }

    @Test
    void interestIsSummedExactlyAndRoundedOnceHalfToEven() {
        Journal journal = new Journal();
        journal.add(new BaseRateFixed(SOFR, rate("0.11000"), day("2025-06-02")));
        journal.add(new TrancheCreated(P, T1, ABILENE, "Small", Seniority.MEZZANINE, usd("100.00"), SOFR,
                rate("0.2500"), rate("0.0000"), day("2025-12-31"), List.of(new Lender(L1, "Bank one", usd("100.00"))),
                day("2025-06-02")));
        journal.add(new TrancheDrawn(P, T1, new DrawId("D1"), usd("100.00"),
                List.of(new LenderShare(L1, usd("100.00"))), day("2025-06-02")));
        TranchePositions tranches = fold(journal.entries());

        // 100.00 × 0.36 = 36 a day, 0.001 once divided: rounding each day would give 0.00 throughout, and
        // half-up 0.01 after 5 days and 0.03 after 25.
        assertThat(tranches.position("T1", day("2025-06-06")).orElseThrow().accruedInterest())
                .as("5 days: 0.005").isEqualTo(d("0.00"));
        assertThat(tranches.position("T1", day("2025-06-16")).orElseThrow().accruedInterest())
                .as("15 days: 0.015").isEqualTo(d("0.02"));
        assertThat(tranches.position("T1", day("2025-06-26")).orElseThrow().accruedInterest())
                .as("25 days: 0.025").isEqualTo(d("0.02"));
        assertThat(tranches.position("T1", day("2025-06-26")).orElseThrow().accruedCommitmentFee())
                .as("nothing undrawn").isEqualTo(d("0.00"));
    }

    @Test
    void aLaterFixingForTheSameDateReplacesTheEarlierOne() {
        Journal journal = history();
        journal.add(new BaseRateFixed(SOFR, rate("4.20000"), day("2025-01-26")));

        TranchePosition position = fold(journal.entries()).position("T1", day("2025-02-10")).orElseThrow();

        assertThat(position.baseRatePct()).isEqualTo("4.20000");
        assertThat(position.allInRatePct()).isEqualTo("6.70000");
        // The 16 days from the 26th at +0.10: 30m for 10 days and 20m for 6 add 42,000,000 to the exact sum,
        // (5,757,000,000 + 42,000,000) / 36,000, rounded once.
        assertThat(position.accruedInterest()).isEqualTo(d("161083.33"));
    }

    @Test
    void beforeItsFirstFixingATrancheHasNoBaseRateAndNothingAccruesOnNothingDrawn() {
        Journal journal = new Journal();
        BaseRateName termSofr = new BaseRateName("TERM-SOFR-3M");
        journal.add(new BaseRateFixed(SOFR, rate("4.30000"), day("2025-01-01")));
        journal.add(new TrancheCreated(P, T1, ABILENE, "Mezzanine", Seniority.MEZZANINE, usd("36000.00"), termSofr,
                rate("5.0000"), rate("1.0000"), day("2025-12-31"), List.of(new Lender(L1, "Bank one", usd("36000.00"))),
                day("2025-01-01")));

        TranchePosition position = fold(journal.entries()).position("T1", day("2025-01-10")).orElseThrow();

        assertThat(position.baseRatePct()).isNull();
        assertThat(position.allInRatePct()).isNull();
        assertThat(position.marginPct()).isEqualTo("5.00000");
        assertThat(position.accruedInterest()).isEqualTo(d("0.00"));
        // 36,000.00 undrawn × 1 % × 10 days / 36,000
        assertThat(position.accruedCommitmentFee()).isEqualTo(d("10.00"));
    }

    @Test
    void theTotalsAreTheTranchesFiguresAddedUp() {
        Journal journal = history();
        journal.add(new TrancheCreated(P, new TrancheId("T2"), ABILENE, "Mezzanine", Seniority.MEZZANINE,
                usd("50000000.00"), SOFR, rate("4.0000"), rate("0.7500"), day("2025-06-30"),
                List.of(new Lender(L2, "Bank two", usd("50000000.00"))), day("2025-02-10")));
        TranchePositions tranches = fold(journal.entries());
        List<TranchePosition> positions = tranches.positions(day("2025-02-10"));

        // T2's fee: its first day only, 50m × 0.75 / 36,000.
        assertThat(positions).extracting(TranchePosition::accruedCommitmentFee)
                .containsExactly(d("34305.56"), d("1041.67"));
        assertThat(TranchePositions.totals(positions)).isEqualTo(new DebtTotals(d("150000000.00"),
                d("30000000.00"), d("10000000.00"), d("20000000.00"), d("120000000.00"), d("159916.67"),
                d("35347.23")));
    }
}
