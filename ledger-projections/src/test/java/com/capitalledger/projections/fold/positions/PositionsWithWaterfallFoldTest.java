package com.capitalledger.projections.fold.positions;

import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.Lender;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.Journal;
import com.capitalledger.projections.fold.cashflow.CashFlowsFoldTest;
import com.capitalledger.projections.fold.cashflow.TrancheCashFlow.ScheduledInstallment;
import com.capitalledger.projections.fold.debt.TranchePosition;
import com.capitalledger.projections.fold.equity.InvestorPosition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.capitalledger.projections.fold.Values.USD;
import static com.capitalledger.projections.fold.Values.d;
import static com.capitalledger.projections.fold.Values.day;
import static com.capitalledger.projections.fold.Values.rate;
import static com.capitalledger.projections.fold.Values.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Positions with a waterfall folded in ({@link CashFlowsFoldTest}'s scenario): a 1,000,000.00 senior tranche fully
 * drawn on 2027-01-01 at 4.00 + 0.50 % (125.00 of interest a day), repaid 500,000.00 by the waterfall of 2027-04-01
 * (300,000.00 from L1, 200,000.00 from L2), after which it accrues 62.50 a day; 18,000.00 of interest and 2,000.00 of
 * fee paid; 50,000.00 and 30,000.00 distributed; 100,000.00 in the DSRA.
 */
class PositionsWithWaterfallFoldTest {

    private static final PhaseId PH1 = new PhaseId("PH1");
    private static final BaseRateName SOFR = new BaseRateName("SOFR");

    private final Journal journal = new Journal();

    PositionsWithWaterfallFoldTest() {
        journal.add(new ProgramCreated(CashFlowsFoldTest.P1, "Program one", USD, usd("10000000.00"),
                new Percentage(d("90.0000")), day("2027-01-01")));
        journal.add(new PhaseCreated(CashFlowsFoldTest.P1, PH1, "Phase one", usd("5000000.00"), day("2027-01-01")));
        for (String investor : List.of("ALPHA", "BETA", "GAMMA")) {
            journal.add(new EquityCommitted(CashFlowsFoldTest.P1, new InvestorId(investor), investor,
                    usd("100000.00"), day("2027-01-01")));
        }
        journal.add(new BaseRateFixed(SOFR, rate("4.00000"), day("2027-01-01")));
        journal.add(new TrancheCreated(CashFlowsFoldTest.P1, CashFlowsFoldTest.SENIOR, PH1, "Senior", Seniority.SENIOR,
                usd("1000000.00"), SOFR, rate("0.5000"), rate("0.2500"), day("2027-06-30"),
                List.of(new Lender(new LenderId("L1"), "Lender one", usd("600000.00")),
                        new Lender(new LenderId("L2"), "Lender two", usd("400000.00"))), day("2027-01-01")));
        journal.add(new TrancheDrawn(CashFlowsFoldTest.P1, CashFlowsFoldTest.SENIOR, new DrawId("D1"),
                usd("1000000.00"), List.of(new LenderShare(new LenderId("L1"), usd("600000.00")),
                new LenderShare(new LenderId("L2"), usd("400000.00"))), day("2027-01-01")));
        CashFlowsFoldTest.scenario(journal);
    }

    private ProgramPositions at(String asOf) {
        return PositionsFold.positions(journal.entries(), "P1", new Bitemporal(day(asOf), Instant.MAX)).orElseThrow();
    }

    @Test
    void onThePaymentDateThePrincipalRepaysTheTrancheAndTheAccountsAndDistributionsShow() {
        ProgramPositions positions = at("2027-04-01");

        TranchePosition tranche = positions.tranches().get(0);
        assertThat(tranche.repaid()).isEqualTo(d("500000.00"));
        assertThat(tranche.outstanding()).isEqualTo(d("500000.00"));
        assertThat(tranche.lenders()).extracting(TranchePosition.LenderPosition::lenderId,
                TranchePosition.LenderPosition::repaid, TranchePosition.LenderPosition::outstanding)
                .containsExactly(tuple("L1", d("300000.00"), d("300000.00")),
                        tuple("L2", d("200000.00"), d("200000.00")));
        // 90 days × 125.00 (2027-01-01 to 03-31), then 62.50 on 04-01 (outstanding at the end of the day).
        assertThat(tranche.accruedInterest()).isEqualTo(d("11312.50"));
        assertThat(tranche.interestPaid()).isEqualTo(d("18000.00"));
        assertThat(tranche.feesPaid()).isEqualTo(d("2000.00"));
        assertThat(tranche.principalArrears()).isEqualTo(d("0.00"));
        assertThat(tranche.schedule()).containsExactly(
                new ScheduledInstallment(day("2027-04-01"), d("50.0000"), d("500000.00"), d("500000.00")),
                new ScheduledInstallment(day("2027-07-01"), d("50.0000"), d("500000.00"), d("0.00")));
        assertThat(positions.debtTotals().interestPaid()).isEqualTo(d("18000.00"));
        assertThat(positions.debtTotals().feesPaid()).isEqualTo(d("2000.00"));
        assertThat(positions.debtTotals().outstanding()).isEqualTo(d("500000.00"));
        assertThat(positions.investors()).extracting(InvestorPosition::investorId, InvestorPosition::distributed)
                .containsExactly(tuple("ALPHA", d("50000.00")), tuple("BETA", d("30000.00")),
                        tuple("GAMMA", d("0.00")));
        assertThat(positions.dsraBalance()).isEqualTo(d("100000.00"));
        assertThat(positions.lockUpBalance()).isEqualTo(d("0.00"));

        // The day after, interest accrues on the 500,000.00 left: 62.50 more.
        assertThat(at("2027-04-02").tranches().get(0).accruedInterest()).isEqualTo(d("11375.00"));
    }

    @Test
    void theDayBeforeThePaymentDateNothingIsPaidYet() {
        ProgramPositions positions = at("2027-03-31");

        TranchePosition tranche = positions.tranches().get(0);
        assertThat(tranche.outstanding()).isEqualTo(d("1000000.00"));
        assertThat(tranche.accruedInterest()).isEqualTo(d("11250.00"));
        assertThat(tranche.interestPaid()).isEqualTo(d("0.00"));
        // B is fixed at the end of 2027-03-31: the amounts show from that day on.
        assertThat(tranche.schedule()).extracting(ScheduledInstallment::amount, ScheduledInstallment::paid)
                .containsExactly(tuple(d("500000.00"), d("0.00")), tuple(d("500000.00"), d("0.00")));
        assertThat(positions.investors()).extracting(InvestorPosition::distributed).containsOnly(d("0.00"));
        assertThat(positions.dsraBalance()).isEqualTo(d("0.00"));
        assertThat(at("2027-03-30").tranches().get(0).schedule()).extracting(ScheduledInstallment::amount)
                .containsExactly(null, null);
    }
}
