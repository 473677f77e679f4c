package com.capitalledger.projections.processing;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Every segment of a processor as the token store holds it, shared by all nodes: how far it has read and which node
 * holds its claim. Read as it is stored, so every node reports the same, whichever segments it processes itself.
 */
@Component
public class ProcessorTokens {

    /**
     * One segment: its token (null before its first), its position in the event stream, the node that claims it, and
     * whether that claim is current.
     */
    public record Segment(String processingGroup, int segment, TrackingToken token, String owner, boolean claimed) {

        public long position() {
            return token == null ? 0 : token.position().orElse(0);
        }
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Clock clock;
    private final Duration claimTimeout;

    ProcessorTokens(JdbcTemplate jdbc, Serializer serializer, Clock clock,
                    @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
        this.claimTimeout = claimTimeout;
    }

    public List<Segment> of(String processingGroup) {
        return of(List.of(processingGroup));
    }

    /** The segments of these processors, in one read. */
    public List<Segment> of(Collection<String> processingGroups) {
        Instant now = clock.instant();
        return jdbc.query("SELECT processor_name, segment, token, token_type, owner, time_stamp FROM token_entry "
                + "WHERE processor_name = ANY(?) ORDER BY processor_name, segment", (row, number) -> {
            byte[] serialized = row.getBytes("token");
            TrackingToken token = serialized == null ? null : serializer.deserialize(new SimpleSerializedObject<>(
                    serialized, byte[].class, row.getString("token_type"), null));
            String owner = row.getString("owner");
            String claimedAt = row.getString("time_stamp");
            boolean claimed = owner != null && claimedAt != null
                    && Instant.parse(claimedAt).plus(claimTimeout).isAfter(now);
            return new Segment(row.getString("processor_name"), row.getInt("segment"), token, owner, claimed);
        }, (Object) processingGroups.toArray(String[]::new));
    }
}
