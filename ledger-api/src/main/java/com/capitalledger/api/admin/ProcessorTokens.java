package com.capitalledger.api.admin;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Every segment of a processor as the token store holds it, shared by all nodes: how far it has read and which node
 * holds its claim. Read as it is stored, so every node reports the same, whichever segments it processes itself.
 */
@Component
class ProcessorTokens {

    /** One segment: its position in the event stream, the node that claims it, and whether that claim is current. */
    record Segment(int segment, long position, String owner, boolean claimed) {
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

    List<Segment> of(String processingGroup) {
        Instant now = clock.instant();
        return jdbc.query("SELECT segment, token, token_type, owner, time_stamp FROM token_entry "
                + "WHERE processor_name = ? ORDER BY segment", (row, number) -> {
            byte[] token = row.getBytes("token");
            OptionalLong position = OptionalLong.empty();
            if (token != null) {
                TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class,
                        row.getString("token_type"), null));
                position = tracking.position();
            }
            String owner = row.getString("owner");
            String claimedAt = row.getString("time_stamp");
            boolean claimed = owner != null && claimedAt != null
                    && Instant.parse(claimedAt).plus(claimTimeout).isAfter(now);
            return new Segment(row.getInt("segment"), position.orElse(0), owner, claimed);
        }, processingGroup);
    }
}
