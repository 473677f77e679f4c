package com.capitalledger.api.admin;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model whose handler fails on an event parks that event, and every later event of the same program, in its
 * dead-letter queue; it carries on with the other programs, and its status counts what it parked. Its own database:
 * the unreadable event it stores would trouble every other test.
 */
@TestPropertySource(properties = "ledger.test.context=parked-events")
@DirtiesContext
class ParkedEventsIT extends IntegrationTest {

    private static final String PARKED = "PARKED-1";

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private Serializer serializer;

    @Test
    void anEventAHandlerCannotReadIsParkedWithTheRestOfItsProgramWhileOtherProgramsCarryOn() {
        assertThat(http().postJson("/api/v1/programs", program("BEFORE-1")).statusCode()).isEqualTo(201);
        awaitReadModels();

        // Stored as a program's first event would be, but its payload is not the JSON its type needs.
        String unreadable = insert(0, ProgramCreated.class.getName(), "{\"programId\": [".getBytes(StandardCharsets.UTF_8));
        PhaseCreated phase = new PhaseCreated(new ProgramId(PARKED), new PhaseId("PH1"), "Phase 1",
                Money.of(new BigDecimal("1000.00"), CurrencyCode.of("USD")), LocalDate.of(2025, 1, 21));
        String later = insert(1, PhaseCreated.class.getName(), serializer.serialize(phase, byte[].class).getData());
        assertThat(http().postJson("/api/v1/programs", program("AFTER-1")).statusCode()).isEqualTo(201);
        awaitReadModels();

        // The programs read model handles both types: both events wait, in their order, behind the failure.
        List<DeadLetter<? extends EventMessage<?>>> programs = letters("programs");
        assertThat(programs).extracting(letter -> letter.message().getIdentifier()).containsExactly(unreadable, later);
        assertThat(programs.get(0).cause()).hasValueSatisfying(cause -> assertThat(cause.type())
                .isEqualTo("org.axonframework.serialization.SerializationException"));
        assertThat(letters("audit-trail")).extracting(letter -> letter.message().getIdentifier())
                .containsExactly(unreadable, later);
        // These read models handle neither type: nothing of theirs waits.
        for (String other : List.of("investor-positions", "capital-calls", "tranches", "cash-flows")) {
            assertThat(processing.deadLetterQueue(other).orElseThrow().amountOfSequences()).as(other).isZero();
        }

        assertThat(http().get("/api/v1/programs/AFTER-1").statusCode()).isEqualTo(200);
        assertThat(http().get("/api/v1/programs/" + PARKED).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entry_id IN (?, ?)", Long.class,
                unreadable, later)).isZero();
        assertThat(parkedEvents()).containsExactlyInAnyOrderEntriesOf(Map.of("programs", 2L, "audit-trail", 2L,
                "investor-positions", 0L, "capital-calls", 0L, "tranches", 0L,
                "cash-flows", 0L));

        // A rebuild reads every event again: what still fails is parked again, once, not twice.
        assertThat(http(TestUsers.ADMIN).postJson("/api/v1/admin/read-models/all/rebuild", "").statusCode())
                .isEqualTo(202);
        http(TestUsers.ADMIN).await("/api/v1/admin/read-models", response -> StreamSupport.stream(
                json(response).spliterator(), false).allMatch(status -> status.get("rebuildFinishedAt").isTextual()),
                Duration.ofSeconds(30));
        awaitReadModels();
        assertThat(letters("programs")).extracting(letter -> letter.message().getIdentifier())
                .containsExactly(unreadable, later);
        assertThat(parkedEvents()).containsEntry("programs", 2L).containsEntry("audit-trail", 2L);
        assertThat(http().get("/api/v1/programs/AFTER-1").statusCode()).isEqualTo(200);
    }

    private static String program(String id) {
        return """
                {"programId":"%s","name":"Parked","currency":"USD","targetAmount":"1000000.00",
                 "maxDebtPct":"90","effectiveDate":"2025-01-21","reason":"test"}""".formatted(id);
    }

    private String insert(long sequence, String payloadType, byte[] payload) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_type, payload_revision, time_stamp)
                VALUES (?, ?, 'Program', ?, '\\x7b7d'::bytea, ?, ?, '1', '2026-11-28T08:00:00Z')""",
                PARKED, sequence, id, payload, payloadType);
        return id;
    }

    private List<DeadLetter<? extends EventMessage<?>>> letters(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(group).orElseThrow();
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetters().forEach(sequence -> sequence.forEach(letters::add));
        return letters;
    }

    private Map<String, Long> parkedEvents() {
        Map<String, Long> parked = new HashMap<>();
        json(http(TestUsers.ADMIN).get("/api/v1/admin/read-models")).forEach(status ->
                parked.put(status.get("name").asText(), status.get("parkedEvents").asLong()));
        return parked;
    }
}
