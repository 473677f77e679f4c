package com.capitalledger.api.support;

import com.capitalledger.api.command.Rejections;
import com.capitalledger.core.cashflow.api.ProposedInstallment;
import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
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
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.projections.fold.audit.AuditKeys;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The history the read-model tests replay, the one {@code src/test/resources/positions_expected.py} computes
 * independently: three investors, one tranche with two lenders, two calls, two draws, a repayment, a repricing, a
 * default and its cure, then a back-dated SOFR fixing recorded last.
 */
public final class ScriptedHistory {

    public static final String ACTOR = "treasury-system";

    private final CommandGateway commands;
    private final Rejections rejections;
    private final ProgramId program;
    private final String rate;
    private int sent;

    /** @param rate the base rate the tranche floats on: fixings are shared by all programs, so each test its own */
    public ScriptedHistory(CommandGateway commands, String programId, String rate) {
        this(commands, null, programId, rate);
    }

    /** @param rejections records refusals, as the service's command path does (null: not recorded) */
    public ScriptedHistory(CommandGateway commands, Rejections rejections, String programId, String rate) {
        this.commands = commands;
        this.rejections = rejections;
        this.program = new ProgramId(programId);
        this.rate = rate;
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public void send(Object command) {
        sent++;
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                AuditKeys.ACTOR, ACTOR, AuditKeys.CLIENT, "scripted-history", AuditKeys.REASON, "step " + sent,
                AuditKeys.CORRELATION_ID, program.value() + "-" + sent)));
        try {
            commands.sendAndWait(message);
        } catch (LedgerRejection rejection) {
            if (rejections != null) {
                rejections.record(message, rejection);
            }
            throw rejection;
        }
    }

    /**
     * Everything up to the last draw; returns an instant after it and at least a millisecond (the precision of
     * recording instants) before the back-dated fixing is recorded.
     */
    public Instant runUntilBeforeCorrection() {
        PhaseId phase = new PhaseId("PH1");
        TrancheId tranche = new TrancheId("T1");
        send(new RecordBaseRateFixing(rate, d("4.30000"), day("2025-01-01")));
        send(new CreateProgram(program, "Positions test", "USD", d("1000000000.00"), d("80"), day("2025-01-01")));
        send(new CreatePhase(program, phase, "Phase one", d("500000000.00"), "USD", day("2025-01-01")));
        send(new CommitEquity(program, new InvestorId("A"), "Alpha", d("60000000.00"), "USD", day("2025-01-01")));
        send(new CommitEquity(program, new InvestorId("B"), "Beta", d("30000000.00"), "USD", day("2025-01-01")));
        send(new CommitEquity(program, new InvestorId("C"), "Gamma", d("10000000.00"), "USD", day("2025-01-01")));
        send(new CallCapital(program, new CallId("C1"), phase, d("10000000.01"), "USD", "land", day("2025-02-01")));
        send(new CreateTranche(program, tranche, phase, "Senior", Seniority.SENIOR, d("50000000.00"), "USD", rate,
                d("2.0000"), d("0.5000"), day("2026-12-31"),
                List.of(new LenderCommitment(new LenderId("L1"), "Lender One", d("30000000.00")),
                        new LenderCommitment(new LenderId("L2"), "Lender Two", d("20000000.00"))), day("2025-02-01")));
        send(new DrawTranche(program, tranche, new DrawId("D1"), d("9000000.00"), "USD", day("2025-03-01")));
        send(new RecordCallDefault(program, new CallId("C1"), new InvestorId("C"), day("2025-04-01")));
        send(new RepayTranche(program, tranche, new RepaymentId("R1"), d("3000000.00"), "USD", day("2025-05-01")));
        send(new RepriceTranche(program, tranche, d("2.5000"), day("2025-06-01")));
        send(new CureCallDefault(program, new CallId("C1"), new InvestorId("C"), day("2025-07-01")));
        send(new CallCapital(program, new CallId("C2"), phase, d("9000000.00"), "USD", "shell", day("2025-08-01")));
        send(new DrawTranche(program, tranche, new DrawId("D2"), d("4567890.12"), "USD", day("2025-09-01")));
        pauseAMillisecond();
        Instant between = Instant.now();
        pauseAMillisecond();
        return between;
    }

    /** The correction: the rate was 4.50% from 2025-04-01, recorded only now. */
    public void recordBackDatedFixing() {
        send(new RecordBaseRateFixing(rate, d("4.50000"), day("2025-04-01")));
    }

    /**
     * Operations after the correction (section 10): quarterly terms from 2026-01-01, the tranche repaid 50 % / 50 %
     * on 2026-04-01 and 2026-07-01, the first quarter's cash flow recorded twice (the second replaces the first) and
     * its waterfall run on 2026-04-01. With 20,000,000.00 of CFADS every debt step is paid in full. Returns an
     * instant between the first and the second cash-flow record.
     */
    public Instant operate() {
        TrancheId tranche = new TrancheId("T1");
        send(new SetOperatingTerms(program, day("2026-01-01"), 3, d("1.2000"), d("1.0500"), 1, day("2025-10-01")));
        send(new SetRepaymentSchedule(program, tranche, List.of(new ProposedInstallment(day("2026-04-01"), d("50")),
                new ProposedInstallment(day("2026-07-01"), d("50"))), day("2025-10-01")));
        send(new RecordOperatingCashFlow(program, day("2026-03-31"), d("21000000.00"), d("500000.00"),
                d("300000.00"), d("200000.00"), "USD"));
        pauseAMillisecond();
        Instant between = Instant.now();
        pauseAMillisecond();
        send(new RecordOperatingCashFlow(program, day("2026-03-31"), d("21500000.00"), d("1000000.00"),
                d("300000.00"), d("200000.00"), "USD"));
        send(new RunWaterfall(program, day("2026-03-31")));
        return between;
    }

    /** Lets the clock tick, so that what is recorded before and after an instant is told apart by its timestamp. */
    private static void pauseAMillisecond() {
        Instant now = Instant.now();
        Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(() -> Instant.now().isAfter(now.plusMillis(1)));
    }

    public int commandsSent() {
        return sent;
    }
}
