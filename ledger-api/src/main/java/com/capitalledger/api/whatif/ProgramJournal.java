package com.capitalledger.api.whatif;

import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.whatif.JournalEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A program's journal as a what-if branches it: the program's own events and every base-rate fixing, recorded at or
 * before an instant, in recorded (global index) order, read from the event store. Read-only: nothing here writes,
 * locks or loads an aggregate.
 * <p>
 * Stored events never change, so each stream's events are kept once read, and a later read asks only for the
 * stream's events after the last one seen, by its own sequence numbers: a stream's events commit in sequence order
 * (each append needs the one before it), so unlike global indexes those leave no gap to be filled later. Programs'
 * streams are kept least recently used first out, within {@code ledger.what-if.cached-events}; base-rate streams,
 * which every what-if reads, always.
 */
@Component
public class ProgramJournal {

    private static final List<String> BASE_RATE_STREAMS = BaseRateName.KNOWN.stream().map(BaseRateName::streamIdOf)
            .sorted().toList();

    /** An event as read, with its place in the global order. */
    private record Stored(long globalIndex, JournalEntry entry) {
    }

    /** One stream's events read so far, in sequence order. */
    private static final class Stream {
        private final List<Stored> events = new ArrayList<>();
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final int cachedEvents;
    private final Map<String, Stream> baseRates = new HashMap<>();
    private final LinkedHashMap<String, Stream> programs = new LinkedHashMap<>(16, 0.75f, true);
    private int programEventsCached;

    public ProgramJournal(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                          @Value("${ledger.what-if.cached-events:100000}") int cachedEvents) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.cachedEvents = cachedEvents;
        BASE_RATE_STREAMS.forEach(stream -> baseRates.put(stream, new Stream()));
    }

    /** Empty when the program did not exist at {@code knownAt}. No upcaster exists yet: payloads read as stored. */
    public List<JournalEntry> read(ProgramId program, Instant knownAt) {
        Instant known = knownAt.truncatedTo(ChronoUnit.MILLIS);
        List<List<Stored>> streams = new ArrayList<>();
        Stream own;
        synchronized (this) {
            own = programs.computeIfAbsent(program.value(), id -> new Stream());
            Map<String, Stream> read = new LinkedHashMap<>(baseRates);
            read.put(program.value(), own);
            int added = catchUp(read);
            programEventsCached += added;
            for (Stream stream : read.values()) {
                streams.add(List.copyOf(stream.events));
            }
            evict(program.value());
        }
        List<JournalEntry> journal = merged(streams, known);
        boolean created = !streams.get(streams.size() - 1).isEmpty()
                && !streams.get(streams.size() - 1).get(0).entry().recordedAt().isAfter(known);
        return created ? journal : List.of();
    }

    /** Reads every stream's events after the ones already kept, in one query; returns how many program events came. */
    private int catchUp(Map<String, Stream> streams) {
        String[] ids = streams.keySet().toArray(String[]::new);
        Long[] next = streams.values().stream().map(stream -> (long) stream.events.size()).toArray(Long[]::new);
        int[] programEvents = {0};
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT e.global_index, e.aggregate_identifier, "
                    + "e.event_identifier, e.time_stamp, e.payload_type, e.payload_revision, e.payload "
                    + "FROM unnest(?, ?) AS s(stream, next_sequence) JOIN domain_event_entry e "
                    + "ON e.aggregate_identifier = s.stream AND e.sequence_number >= s.next_sequence "
                    + "ORDER BY e.aggregate_identifier, e.sequence_number");
            statement.setArray(1, connection.createArrayOf("varchar", ids));
            statement.setArray(2, connection.createArrayOf("bigint", next));
            return statement;
        }, row -> {
            String stream = row.getString("aggregate_identifier");
            // Axon writes the instant as ISO-8601 text whose fraction may be absent: parsed, never compared as text.
            Instant recordedAt = Instant.parse(row.getString("time_stamp")).truncatedTo(ChronoUnit.MILLIS);
            LedgerEvent event = serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"),
                    byte[].class, row.getString("payload_type"), row.getString("payload_revision")));
            streams.get(stream).events.add(new Stored(row.getLong("global_index"),
                    new JournalEntry(row.getString("event_identifier"), event, recordedAt)));
            if (!baseRates.containsKey(stream)) {
                programEvents[0]++;
            }
        });
        return programEvents[0];
    }

    /** Drops the least recently read programs' events while more than the bound are kept (never the one just read). */
    private void evict(String keep) {
        var oldest = programs.entrySet().iterator();
        while (programEventsCached > cachedEvents && oldest.hasNext()) {
            Map.Entry<String, Stream> entry = oldest.next();
            if (!entry.getKey().equals(keep)) {
                programEventsCached -= entry.getValue().events.size();
                oldest.remove();
            }
        }
    }

    /** The streams' events in global order, recorded at or before {@code known}. */
    private static List<JournalEntry> merged(List<List<Stored>> streams, Instant known) {
        record Cursor(List<Stored> events, int at) {
            Stored head() {
                return events.get(at);
            }
        }
        PriorityQueue<Cursor> heads = new PriorityQueue<>(Comparator.comparingLong(cursor -> cursor.head().globalIndex()));
        int size = 0;
        for (List<Stored> stream : streams) {
            size += stream.size();
            if (!stream.isEmpty()) {
                heads.add(new Cursor(stream, 0));
            }
        }
        List<JournalEntry> journal = new ArrayList<>(size);
        while (!heads.isEmpty()) {
            Cursor cursor = heads.poll();
            JournalEntry entry = cursor.head().entry();
            if (!entry.recordedAt().isAfter(known)) {
                journal.add(entry);
            }
            if (cursor.at() + 1 < cursor.events().size()) {
                heads.add(new Cursor(cursor.events(), cursor.at() + 1));
            }
        }
        return journal;
    }
}
