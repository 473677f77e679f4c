package com.capitalledger.journal.store;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * How far the journal has read the event store, from its processor's token as stored (read, never claimed): the
 * highest global index it has passed, and the indexes below it it still waits for (events that commit late). An
 * event at or below that index, not among those, and not in the journal was never handed to it: inserted behind the
 * ledger's back.
 */
@Component
public class JournalPosition {

    /** The highest global index the journal has passed, and the indexes below it it still waits for. */
    public record Passed(long upTo, Set<Long> pending) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    JournalPosition(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public Passed passed() {
        List<TrackingToken> tokens = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ? "
                + "AND token IS NOT NULL", (row, i) -> serializer.deserialize(new SimpleSerializedObject<>(
                row.getBytes("token"), byte[].class, row.getString("token_type"), null)),
                JournalSequencer.PROCESSING_GROUP);
        if (tokens.isEmpty()) {
            return new Passed(-1, Set.of());
        }
        TrackingToken token = WrappedToken.unwrapUpperBound(tokens.get(0));
        if (token instanceof GapAwareTrackingToken gapAware) {
            return new Passed(gapAware.getIndex(), Set.copyOf(gapAware.getGaps()));
        }
        return new Passed(token.position().orElse(-1), Set.of());
    }
}
