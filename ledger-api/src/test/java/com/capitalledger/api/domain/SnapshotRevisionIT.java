package com.capitalledger.api.domain;

import com.capitalledger.api.config.DomainConfiguration;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.Program;
import com.capitalledger.core.program.ProgramState;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramEvent;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.RejectionCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.ehcache.CacheManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Snapshots store the program aggregate's fields, whose shape changes as the domain grows: a snapshot is trusted only
 * at the aggregate's current revision, otherwise the program is rebuilt from its events.
 */
@TestPropertySource(properties = "ledger.snapshots.event-threshold=5")
class SnapshotRevisionIT extends IntegrationTest {

    private static final PhaseId PHASE = new PhaseId("PHASE-1");
    private static final TrancheId SENIOR = new TrancheId("SENIOR");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);
    private static final String CURRENT = Program.class.getAnnotation(Revision.class).value();
    /** A snapshot as the aggregate stored them before its state had a revision: the draw ids under another name. */
    private static final String OLD_SHAPE = "{\"programId\":{\"value\":\"%s\"},\"currency\":{\"code\":\"USD\"},"
            + "\"targetAmount\":\"1000000.00\",\"maxDebtPct\":\"90\",\"latestEffectiveDate\":\"2025-03-03\","
            + "\"phases\":{},\"investors\":{},\"calls\":{},\"tranches\":{},\"drawIds\":[],\"repaymentIds\":[]}";

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventStorageEngine storage;

    @Autowired
    private Serializer serializer;

    @Autowired
    private CacheManager programCacheManager;

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** A program with a tranche drawn seven times: more than enough events for a snapshot. */
    private void drawnSevenTimes(ProgramId program) {
        commands.sendAndWait(new RecordBaseRateFixing("SOFR", d("4.33000"), DAY.minusDays(60)));
        commands.sendAndWait(new CreateProgram(program, "Snapshots", "USD", d("1000000.00"), d("90"), DAY));
        commands.sendAndWait(new CreatePhase(program, PHASE, "Phase", d("1000000.00"), "USD", DAY));
        commands.sendAndWait(new CommitEquity(program, new InvestorId("A"), "A", d("300000.00"), "USD", DAY));
        commands.sendAndWait(new CallCapital(program, new CallId("C1"), PHASE, d("100000.00"), "USD", "works", DAY));
        commands.sendAndWait(new CreateTranche(program, SENIOR, PHASE, "senior", Seniority.SENIOR, d("500000.00"), "USD",
                "SOFR", d("2.0000"), d("0.2500"), LocalDate.of(2027, 12, 31),
                List.of(new LenderCommitment(new LenderId("L1"), "L1", d("500000.00"))), DAY));
        for (int i = 1; i <= 7; i++) {
            commands.sendAndWait(new DrawTranche(program, SENIOR, new DrawId("D" + i), d("10000.00"), "USD", DAY));
        }
    }

    private Map<String, Object> latestSnapshot(ProgramId program) {
        return jdbc.queryForMap("SELECT * FROM snapshot_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number DESC LIMIT 1", program.value());
    }

    @Test
    void aSnapshotHoldsTheStateTheProgramsEventsBuild() {
        ProgramId program = new ProgramId("SNAPSHOT-STATE");
        drawnSevenTimes(program);

        Map<String, Object> snapshot = latestSnapshot(program);
        assertThat(snapshot.get("payload_revision")).isEqualTo(CURRENT);
        Program fromSnapshot = serializer.deserialize(new SimpleSerializedObject<>((byte[]) snapshot.get("payload"),
                byte[].class, (String) snapshot.get("payload_type"), (String) snapshot.get("payload_revision")));
        ProgramState fromEvents = ProgramState.none();
        storage.readEvents(program.value(), 0).asStream()
                .filter(event -> event.getSequenceNumber() <= (Long) snapshot.get("sequence_number"))
                .map(DomainEventMessage::getPayload)
                .forEach(event -> fromEvents.evolve((ProgramEvent) event));
        assertThat(fromSnapshot).extracting("state").usingRecursiveComparison().isEqualTo(fromEvents);
        assertThat(fromEvents.debt().hasDraw(new DrawId("D1"))).isTrue();
    }

    @Test
    void aSnapshotOfAnOlderRevisionIsIgnoredAndTheProgramRebuiltFromItsEvents() {
        ProgramId program = new ProgramId("SNAPSHOT-OLD");
        drawnSevenTimes(program);
        replaceSnapshot(program, null);

        assertThatThrownBy(() -> commands.sendAndWait(
                new DrawTranche(program, SENIOR, new DrawId("D1"), d("10000.00"), "USD", DAY)))
                .isInstanceOf(LedgerRejection.class)
                .hasMessage("DUPLICATE_ID: draw D1 already exists in program SNAPSHOT-OLD");
        assertThat(commands.<Long>sendAndWait(
                new DrawTranche(program, SENIOR, new DrawId("D8"), d("10000.00"), "USD", DAY))).isEqualTo(12L);
    }

    /** The control: were the old snapshot taken for current, the program would load empty and refuse everything. */
    @Test
    void theSameSnapshotClaimingTheCurrentRevisionWouldBeTrusted() {
        ProgramId program = new ProgramId("SNAPSHOT-CLAIM");
        drawnSevenTimes(program);
        replaceSnapshot(program, CURRENT);

        assertThatThrownBy(() -> commands.sendAndWait(
                new DrawTranche(program, SENIOR, new DrawId("D1"), d("10000.00"), "USD", DAY)))
                .isInstanceOfSatisfying(LedgerRejection.class,
                        rejection -> assertThat(rejection.code()).isEqualTo(RejectionCode.NO_PROGRAM));
    }

    private void replaceSnapshot(ProgramId program, String revision) {
        Map<String, Object> snapshot = latestSnapshot(program);
        int replaced = jdbc.update("UPDATE snapshot_event_entry SET payload = ?, payload_revision = ? "
                        + "WHERE aggregate_identifier = ? AND sequence_number = ?",
                OLD_SHAPE.formatted(program.value()).getBytes(StandardCharsets.UTF_8), revision, program.value(),
                snapshot.get("sequence_number"));
        assertThat(replaced).isOne();
        // As on a node that has not loaded the program since (or after a restart): the next command reads the store.
        programCacheManager.getCache(DomainConfiguration.PROGRAM_CACHE, Object.class, Object.class).remove(program.value());
    }
}
