package com.capitalledger.api.domain;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CancelCommitment;
import com.capitalledger.core.equity.api.CapitalCalled;
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
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.RejectionCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every command of the domain through the service's own command gateway, on PostgreSQL: events are stored as JSON and
 * read back intact, the base-rate lookup is wired, and a program loaded from a snapshot decides as before.
 */
@TestPropertySource(properties = "ledger.snapshots.event-threshold=5")
class DomainOnPostgresIT extends IntegrationTest {

    private static final ProgramId P = new ProgramId("DOMAIN-IT");
    private static final PhaseId ABILENE = new PhaseId("ABILENE");
    private static final TrancheId SENIOR = new TrancheId("P1-SENIOR");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventStore eventStore;

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private Object send(Object command) {
        return commands.sendAndWait(command);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                P.value());
    }

    @Test
    void everyCommandRunsThroughTheGatewayAndItsEventsReadBackIntact() {
        send(new RecordBaseRateFixing("SOFR", d("4.33000"), DAY.minusDays(60)));
        send(new CreateProgram(P, "Stargate", "USD", d("500000000000.00"), d("90"), DAY));
        send(new CreatePhase(P, ABILENE, "Abilene", d("100000000000.00"), "USD", DAY));
        for (String investor : List.of("SOFTBANK", "OPENAI", "ORACLE", "MGX")) {
            send(new CommitEquity(P, new InvestorId(investor), investor, d("7000000000.00"), "USD", DAY));
        }
        send(new IncreaseCommitment(P, new InvestorId("SOFTBANK"), d("12000000000.00"), "USD", DAY));
        send(new ReduceCommitment(P, new InvestorId("MGX"), d("2000000000.00"), "USD", DAY));
        send(new TransferCommitment(P, new InvestorId("SOFTBANK"), new InvestorId("OPENAI"), d("1.00"), "USD", DAY));
        send(new CallCapital(P, new CallId("C1"), ABILENE, d("10000000000.01"), "USD", "site works", DAY));
        send(new RecordCallDefault(P, new CallId("C1"), new InvestorId("ORACLE"), DAY));
        send(new CureCallDefault(P, new CallId("C1"), new InvestorId("ORACLE"), DAY));
        send(new CreateTranche(P, SENIOR, ABILENE, "Abilene senior", Seniority.SENIOR, d("60000000000.00"), "USD",
                "SOFR", d("2.2500"), d("0.3500"), LocalDate.of(2027, 12, 31),
                List.of(new LenderCommitment(new LenderId("JPM"), "JPMorgan", d("40000000000.00")),
                        new LenderCommitment(new LenderId("MUFG"), "MUFG", d("20000000000.00"))), DAY));
        Object version = send(new DrawTranche(P, SENIOR, new DrawId("D1"), d("1000000000.00"), "USD", DAY));
        send(new RepayTranche(P, SENIOR, new RepaymentId("R1"), d("0.03"), "USD", DAY));
        send(new RepriceTranche(P, SENIOR, d("2.5000"), DAY));
        send(new CancelCommitment(P, new InvestorId("MGX"), DAY));

        assertThat(version).isEqualTo(13L);
        assertThat(storedEvents()).isEqualTo(17);
        List<Object> payloads = eventStore.readEvents(P.value(), 0).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
        assertThat(payloads).hasSize(17);
        CapitalCalled call = (CapitalCalled) payloads.get(9);
        assertThat(call.amount().toPlainString()).isEqualTo("10000000000.01");
        assertThat(call.allocations()).hasSize(4);
        TrancheDrawn draw = (TrancheDrawn) payloads.get(13);
        assertThat(draw.lenderShares()).extracting(share -> share.amount().toPlainString())
                .containsExactly("666666666.67", "333333333.33");
    }

    @Test
    void aProgramLoadedFromItsSnapshotDecidesExactlyAsBefore() {
        ProgramId program = new ProgramId("SNAPSHOT-IT");
        send(new RecordBaseRateFixing("SOFR", d("4.33000"), DAY.minusDays(60)));
        send(new CreateProgram(program, "Snapshot", "USD", d("1000000.00"), d("90"), DAY));
        send(new CreatePhase(program, ABILENE, "Abilene", d("1000000.00"), "USD", DAY));
        send(new CommitEquity(program, new InvestorId("A"), "A", d("300000.00"), "USD", DAY));
        send(new CallCapital(program, new CallId("C1"), ABILENE, d("100000.00"), "USD", "works", DAY));
        send(new CreateTranche(program, SENIOR, ABILENE, "senior", Seniority.SENIOR, d("500000.00"), "USD", "SOFR",
                d("2.0000"), d("0.2500"), LocalDate.of(2027, 12, 31),
                List.of(new LenderCommitment(new LenderId("L1"), "L1", d("500000.00"))), DAY));
        for (int i = 1; i <= 7; i++) {
            send(new DrawTranche(program, SENIOR, new DrawId("D" + i), d("10000.00"), "USD", DAY));
        }

        Long snapshots = jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, program.value());
        assertThat(snapshots).as("a snapshot was taken").isPositive();
        // Drawn 70,000.00 of 500,000.00; the phase has 1,000,000.00 - 100,000.00 - 70,000.00 = 830,000.00 left and
        // paid-in 100,000.00 allows 900,000.00 of debt: the commitment binds first.
        assertThatThrownBy(() -> send(new DrawTranche(program, SENIOR, new DrawId("D8"), d("430000.01"), "USD", DAY)))
                .isInstanceOf(LedgerRejection.class)
                .hasMessage("COMMITMENT_EXCEEDED: draw 430,000.01 USD on P1-SENIOR would bring drawn to 500,000.01 USD, "
                        + "commitment 500,000.00 USD");
        assertThat(send(new DrawTranche(program, SENIOR, new DrawId("D8"), d("430000.00"), "USD", DAY))).isEqualTo(12L);
    }

    @Test
    void aCommandForAnUnknownProgramIsRejectedWithNoProgramAndStoresNothing() {
        assertThatThrownBy(() -> send(new CreatePhase(new ProgramId("NOWHERE"), ABILENE, "x", d("1.00"), "USD", DAY)))
                .isInstanceOfSatisfying(LedgerRejection.class,
                        rejection -> assertThat(rejection.code()).isEqualTo(RejectionCode.NO_PROGRAM));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'NOWHERE'",
                Long.class)).isZero();
    }

    @Test
    void aDrawWithoutAFixingInEffectIsRejectedWithNoBaseRate() {
        ProgramId program = new ProgramId("NO-RATE-IT");
        send(new CreateProgram(program, "No rate", "USD", d("1000000.00"), d("90"), DAY));
        send(new CreatePhase(program, ABILENE, "Abilene", d("1000000.00"), "USD", DAY));
        send(new CommitEquity(program, new InvestorId("A"), "A", d("300000.00"), "USD", DAY));
        send(new CallCapital(program, new CallId("C1"), ABILENE, d("100000.00"), "USD", "works", DAY));
        send(new CreateTranche(program, SENIOR, ABILENE, "senior", Seniority.SENIOR, d("500000.00"), "USD",
                "TERM-SOFR-6M", d("2.0000"), d("0.2500"), LocalDate.of(2027, 12, 31),
                List.of(new LenderCommitment(new LenderId("L1"), "L1", d("500000.00"))), DAY));

        assertThatThrownBy(() -> send(new DrawTranche(program, SENIOR, new DrawId("D1"), d("1.00"), "USD", DAY)))
                .isInstanceOf(LedgerRejection.class)
                .hasMessage("NO_BASE_RATE: no TERM-SOFR-6M fixing is in effect on 2025-03-03 for tranche P1-SENIOR");
    }
}
