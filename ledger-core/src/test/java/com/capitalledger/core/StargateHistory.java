package com.capitalledger.core;

import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.CureCallDefault;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.equity.api.TransferCommitment;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerCommand;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A Stargate-sized history as the treasury posts it: four partners, two phases, three tranches, seven calls and six
 * draws with amounts that do not divide evenly, two repayments, a transfer, a default and its cure, a back-dated
 * repricing and a back-dated fixing. Its figures were computed independently by
 * {@code src/test/resources/stargate_expected.py}.
 */
public final class StargateHistory {

    public static final ProgramId P = new ProgramId("STARGATE");
    public static final PhaseId ABILENE = new PhaseId("ABILENE");
    public static final PhaseId MILAM = new PhaseId("MILAM");

    private final List<LedgerCommand> commands = new ArrayList<>();

    private StargateHistory() {
    }

    /** Every command, in the order it is posted. */
    public static List<LedgerCommand> commands() {
        StargateHistory history = new StargateHistory();
        history.post();
        return List.copyOf(history.commands);
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private void send(LedgerCommand command) {
        commands.add(command);
    }

    private void call(String id, PhaseId phase, String amount, String day) {
        send(new CallCapital(P, new CallId(id), phase, d(amount), "USD", "construction", day(day)));
    }

    private void draw(String tranche, String id, String amount, String day) {
        send(new DrawTranche(P, new TrancheId(tranche), new DrawId(id), d(amount), "USD", day(day)));
    }

    private void tranche(String id, PhaseId phase, Seniority seniority, String commitment, String rate, String margin,
                         String fee, String availabilityEnd, String day, String... lenderAndCommitment) {
        List<LenderCommitment> lenders = new ArrayList<>();
        for (int i = 0; i < lenderAndCommitment.length; i += 2) {
            String lender = lenderAndCommitment[i];
            lenders.add(new LenderCommitment(new LenderId(lender), lender, d(lenderAndCommitment[i + 1])));
        }
        send(new CreateTranche(P, new TrancheId(id), phase, id, seniority, d(commitment), "USD", rate, d(margin), d(fee),
                day(availabilityEnd), lenders, day(day)));
    }

    private void post() {
        send(new RecordBaseRateFixing("SOFR", d("4.31000"), day("2025-01-02")));
        send(new CreateProgram(P, "Stargate", "USD", d("500000000000.00"), d("90"), day("2025-01-21")));
        send(new CreatePhase(P, ABILENE, "Abilene, Texas", d("100000000000.00"), "USD", day("2025-01-21")));
        for (String[] partner : new String[][]{{"SOFTBANK", "19000000000.00"}, {"OPENAI", "19000000000.00"},
                {"ORACLE", "7000000000.00"}, {"MGX", "5000000000.00"}}) {
            send(new CommitEquity(P, new InvestorId(partner[0]), partner[0], d(partner[1]), "USD", day("2025-01-21")));
        }
        tranche("P1-SENIOR", ABILENE, Seniority.SENIOR, "40000000000.00", "SOFR", "2.2500", "0.3500", "2027-12-31",
                "2025-02-03", "JPM", "17500000000.00", "MUFG", "12500000000.00", "SMBC", "10000000000.00");
        tranche("P1-MEZZ", ABILENE, Seniority.MEZZANINE, "8000000000.00", "SOFR", "6.5000", "0.7500", "2026-12-31",
                "2025-02-03", "APOLLO", "5000000000.00", "BLACKSTONE", "3000000000.00");
        call("C1", ABILENE, "3333333333.33", "2025-02-10");
        draw("P1-SENIOR", "D1", "7777777777.77", "2025-02-20");
        send(new CreatePhase(P, MILAM, "Milam County, Texas", d("60000000000.00"), "USD", day("2025-03-01")));
        send(new RecordBaseRateFixing("TERM-SOFR-3M", d("4.29000"), day("2025-03-01")));
        send(new RecordBaseRateFixing("SOFR", d("4.33000"), day("2025-03-03")));
        tranche("P2-SENIOR", MILAM, Seniority.SENIOR, "35000000000.00", "TERM-SOFR-3M", "2.0000", "0.3000", "2027-06-30",
                "2025-03-10", "CITI", "14000000000.00", "JPM", "11000000000.00", "MUFG", "10000000000.00");
        call("C2", ABILENE, "4999999999.99", "2025-03-15");
        draw("P1-MEZZ", "D2", "1234567890.12", "2025-04-01");
        send(new TransferCommitment(P, new InvestorId("SOFTBANK"), new InvestorId("MGX"), d("1500000000.00"), "USD",
                day("2025-04-15")));
        call("C3", MILAM, "2718281828.46", "2025-05-01");
        send(new RecordCallDefault(P, new CallId("C3"), new InvestorId("MGX"), day("2025-05-05")));
        call("C4", MILAM, "1414213562.37", "2025-05-20");
        draw("P2-SENIOR", "D3", "9999999999.99", "2025-06-01");
        send(new RecordBaseRateFixing("SOFR", d("4.28000"), day("2025-06-02")));
        send(new RepriceTranche(P, new TrancheId("P1-MEZZ"), d("8.0000"), day("2025-06-01")));
        send(new CureCallDefault(P, new CallId("C3"), new InvestorId("MGX"), day("2025-07-01")));
        call("C5", ABILENE, "6180339887.49", "2025-07-10");
        draw("P1-SENIOR", "D4", "12345678901.23", "2025-08-01");
        send(new RepayTranche(P, new TrancheId("P1-SENIOR"), new RepaymentId("R1"), d("1000000000.01"), "USD",
                day("2025-08-15")));
        send(new IncreaseCommitment(P, new InvestorId("ORACLE"), d("2000000000.00"), "USD", day("2025-09-01")));
        send(new RecordBaseRateFixing("TERM-SOFR-3M", d("4.05000"), day("2025-09-01")));
        call("C6", MILAM, "3141592653.59", "2025-09-15");
        draw("P2-SENIOR", "D5", "4444444444.44", "2025-10-01");
        draw("P1-MEZZ", "D6", "2222222222.22", "2025-10-15");
        send(new ReduceCommitment(P, new InvestorId("OPENAI"), d("500000000.00"), "USD", day("2025-11-01")));
        send(new RepayTranche(P, new TrancheId("P2-SENIOR"), new RepaymentId("R2"), d("777777777.77"), "USD",
                day("2025-11-15")));
        call("C7", ABILENE, "1000000000.03", "2025-12-01");
        // Recorded late, effective in September: a back-dated correction of the SOFR fixing.
        send(new RecordBaseRateFixing("SOFR", d("4.12000"), day("2025-09-18")));
    }
}
