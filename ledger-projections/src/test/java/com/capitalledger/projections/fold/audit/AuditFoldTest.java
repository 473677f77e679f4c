package com.capitalledger.projections.fold.audit;

import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
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
import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitmentCancelled;
import com.capitalledger.core.equity.api.CommitmentTransferred;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.journal.api.CommandRejected;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.RejectionCode;
import com.capitalledger.projections.fold.audit.AuditEntry.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.capitalledger.projections.fold.Values.USD;
import static com.capitalledger.projections.fold.Values.d;
import static com.capitalledger.projections.fold.Values.day;
import static com.capitalledger.projections.fold.Values.rate;
import static com.capitalledger.projections.fold.Values.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Audit lines built in memory from accepted events and refusals, with what they are about and who asked. */
class AuditFoldTest {

    private static final ProgramId P = new ProgramId("STARGATE");
    private static final PhaseId ABILENE = new PhaseId("ABILENE");
    private static final TrancheId T1 = new TrancheId("T1");
    private static final LenderId L1 = new LenderId("L1");
    private static final Instant AT = Instant.parse("2025-04-01T09:00:00.123456789Z");
    private static final Map<String, String> REQUEST = Map.of(AuditKeys.ACTOR, "treasury-1", AuditKeys.CLIENT, "erp",
            AuditKeys.REASON, "secondary sale", AuditKeys.CORRELATION_ID, "corr-7", AuditKeys.CAUSATION_ID, "cmd-7",
            AuditKeys.IDEMPOTENCY_KEY, "key-7");

    @Test
    void anAcceptedTransferIsAuditedWithBothInvestorsItsAmountAndTheRequest() {
        CommitmentTransferred transfer = new CommitmentTransferred(P, new InvestorId("OPENAI"), new InvestorId("MGX"),
                usd("1000000000.00"), day("2025-04-01"));

        AuditEntry entry = AuditEntries.of("event-12", 12, transfer, AT, REQUEST);

        // Kept to the microsecond, as PostgreSQL's timestamptz keeps it.
        assertThat(entry).isEqualTo(new AuditEntry("event-12", 12L, Outcome.ACCEPTED, null, "CommitmentTransferred",
                null, "STARGATE", "OPENAI", "MGX", null, null, null, null, d("1000000000.00"), day("2025-04-01"),
                Instant.parse("2025-04-01T09:00:00.123456Z"), "treasury-1", "erp", "secondary sale", "corr-7", "cmd-7",
                "key-7", null));
    }

    @Test
    void eachEventTypeNamesItsOwnSubjectsAndAmount() {
        List<Object> events = List.of(
                new ProgramCreated(P, "Stargate", USD, usd("500000000000.00"), new Percentage(d("90")),
                        day("2025-01-21")),
                new PhaseCreated(P, ABILENE, "Abilene", usd("100000000000.00"), day("2025-01-21")),
                new CapitalCalled(P, new CallId("C1"), ABILENE, usd("1000000000.00"), "site works",
                        List.of(new Allocation(new InvestorId("SOFTBANK"), usd("1000000000.00"))), day("2025-03-03")),
                new CommitmentCancelled(P, new InvestorId("OPENAI"), usd("17586956521.74"), day("2025-05-01")),
                new TrancheCreated(P, T1, ABILENE, "Senior", Seniority.SENIOR, usd("60000000000.00"),
                        new BaseRateName("SOFR"), rate("2.2500"), rate("0.5000"), day("2027-12-31"),
                        List.of(new Lender(L1, "Bank one", usd("60000000000.00"))), day("2025-02-01")),
                new TrancheDrawn(P, T1, new DrawId("D1"), usd("5000000.00"),
                        List.of(new LenderShare(L1, usd("5000000.00"))), day("2025-03-01")),
                new TrancheRepaid(P, T1, new RepaymentId("R1"), usd("1000000.00"),
                        List.of(new LenderShare(L1, usd("1000000.00"))), day("2025-04-01")),
                new TrancheRepriced(P, T1, rate("2.7500"), day("2025-06-01")),
                new BaseRateFixed(new BaseRateName("SOFR"), rate("4.31000"), day("2025-06-02")));

        List<AuditEntry> entries = events.stream().map(event -> AuditEntries.of("e", 1, event, AT, Map.of())).toList();

        assertThat(entries).extracting(AuditEntry::type, AuditEntry::programId, AuditEntry::investorId,
                AuditEntry::trancheId, AuditEntry::callId, AuditEntry::phaseId, AuditEntry::referenceId,
                AuditEntry::amount).containsExactly(
                tuple("ProgramCreated", "STARGATE", null, null, null, null, null, d("500000000000.00")),
                tuple("PhaseCreated", "STARGATE", null, null, null, "ABILENE", null, d("100000000000.00")),
                tuple("CapitalCalled", "STARGATE", null, null, "C1", "ABILENE", null, d("1000000000.00")),
                tuple("CommitmentCancelled", "STARGATE", "OPENAI", null, null, null, null, d("17586956521.74")),
                tuple("TrancheCreated", "STARGATE", null, "T1", null, "ABILENE", null, d("60000000000.00")),
                tuple("TrancheDrawn", "STARGATE", null, "T1", null, null, "D1", d("5000000.00")),
                tuple("TrancheRepaid", "STARGATE", null, "T1", null, null, "R1", d("1000000.00")),
                tuple("TrancheRepriced", "STARGATE", null, "T1", null, null, null, null),
                tuple("BaseRateFixed", null, null, null, null, null, "SOFR", null));
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.outcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(entry.actor()).isNull();
            assertThat(entry.idempotencyKey()).isNull();
        });
    }

    @Test
    void aRefusalIsRecordedWithWhatTheCommandWasAboutAndAuditedAsRejected() {
        String detail = "COMMITMENT_EXCEEDED: draw 5,000,000.00 USD on T1 would bring drawn to 60,000,000,000.01 USD";
        DrawTranche command = new DrawTranche(P, T1, new DrawId("D9"), d("5000000.00"), "USD", day("2025-06-03"));

        CommandRejected refusal = AuditEntries.refusal(command,
                new LedgerRejection(RejectionCode.COMMITMENT_EXCEEDED, detail));
        AuditEntry entry = AuditEntries.of("refusal-30", 30, refusal, AT, REQUEST);

        assertThat(refusal).isEqualTo(new CommandRejected("DrawTranche", "COMMITMENT_EXCEEDED", detail, "STARGATE",
                null, null, "T1", null, null, "D9", d("5000000.00"), day("2025-06-03")));
        assertThat(entry).isEqualTo(new AuditEntry("refusal-30", 30L, Outcome.REJECTED, "COMMITMENT_EXCEEDED",
                "DrawTranche", detail, "STARGATE", null, null, "T1", null, null, "D9", d("5000000.00"),
                day("2025-06-03"), Instant.parse("2025-04-01T09:00:00.123456Z"), "treasury-1", "erp",
                "secondary sale", "corr-7", "cmd-7", "key-7", null));
    }

    @Test
    void aRefusedAmountThatCannotBeStoredIsLeftOutAndALongDetailIsCut() {
        LedgerRejection invalid = new LedgerRejection(RejectionCode.INVALID_AMOUNT, "x".repeat(2500));

        CommandRejected threeDecimals = AuditEntries.refusal(
                new DrawTranche(P, T1, new DrawId("D9"), d("1.005"), "USD", day("2025-06-03")), invalid);
        CommandRejected sixteenDigits = AuditEntries.refusal(
                new DrawTranche(P, T1, new DrawId("D9"), d("1000000000000000.00"), "USD", day("2025-06-03")), invalid);
        CommandRejected fifteenDigits = AuditEntries.refusal(
                new DrawTranche(P, T1, new DrawId("D9"), d("999999999999999.99"), "USD", day("2025-06-03")), invalid);

        assertThat(threeDecimals.amount()).isNull();
        assertThat(sixteenDigits.amount()).isNull();
        assertThat(fifteenDigits.amount()).isEqualTo(d("999999999999999.99"));
        assertThat(threeDecimals.detail()).hasSize(2000);
    }
}
