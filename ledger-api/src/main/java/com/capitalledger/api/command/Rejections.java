package com.capitalledger.api.command;

import com.capitalledger.core.journal.api.CommandRejected;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.projections.fold.audit.AuditEntries;
import com.capitalledger.projections.fold.audit.AuditKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Records the ledger's refusal of a command as an event ({@link CommandRejected}) of a stream of its own, in the
 * caller's transaction: the HTTP command path calls it after the command's own savepoint rolled back, in the
 * transaction that stores the request's idempotency key, so a refusal and its key are kept together or not at all.
 */
@Component
public class Rejections {

    private final EventStore events;
    private final Clock clock;

    public Rejections(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void record(CommandMessage<?> command, LedgerRejection rejection) {
        String id = UUID.randomUUID().toString();
        MetaData metadata = command.getMetaData().and(AuditKeys.CAUSATION_ID, command.getIdentifier());
        events.publish(new GenericDomainEventMessage<>(CommandRejected.STREAM_TYPE, id, 0,
                AuditEntries.refusal(command.getPayload(), rejection), metadata, id, clock.instant()));
    }
}
