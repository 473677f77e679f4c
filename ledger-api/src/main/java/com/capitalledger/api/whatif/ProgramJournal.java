package com.capitalledger.api.whatif;

import com.capitalledger.core.program.api.ProgramId;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.whatif.JournalEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A program's journal as a what-if branches it: the program's own events and every base-rate fixing, recorded at or
 * before an instant, in recorded (global index) order, read straight from the event store. Read-only: nothing here
 * writes, locks or loads an aggregate.
 */
@Component
class ProgramJournal {

    private static final String[] BASE_RATE_STREAMS = BaseRateName.KNOWN.stream().map(BaseRateName::streamIdOf).sorted()
            .toArray(String[]::new);

    private final JdbcTemplate jdbc;
    private final Serializer events;

    ProgramJournal(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Empty when the program did not exist at {@code knownAt}. No upcaster exists yet: payloads read as stored. */
    List<JournalEntry> read(ProgramId program, Instant knownAt) {
        Instant known = knownAt.truncatedTo(ChronoUnit.MILLIS);
        String[] streams = new String[BASE_RATE_STREAMS.length + 1];
        streams[0] = program.value();
        System.arraycopy(BASE_RATE_STREAMS, 0, streams, 1, BASE_RATE_STREAMS.length);
        List<JournalEntry> journal = new ArrayList<>();
        boolean[] programKnown = {false};
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT event_identifier, aggregate_identifier, time_stamp, "
                    + "payload_type, payload_revision, payload FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ANY (?) ORDER BY global_index");
            Array ids = connection.createArrayOf("varchar", streams);
            statement.setArray(1, ids);
            return statement;
        }, row -> {
            // Axon writes the instant as ISO-8601 text whose fraction may be absent: compared parsed, not as text.
            Instant recordedAt = Instant.parse(row.getString("time_stamp")).truncatedTo(ChronoUnit.MILLIS);
            if (recordedAt.isAfter(known)) {
                return;
            }
            LedgerEvent event = events.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class,
                    row.getString("payload_type"), row.getString("payload_revision")));
            programKnown[0] |= program.value().equals(row.getString("aggregate_identifier"));
            journal.add(new JournalEntry(row.getString("event_identifier"), event, recordedAt));
        });
        return programKnown[0] ? journal : List.of();
    }
}
