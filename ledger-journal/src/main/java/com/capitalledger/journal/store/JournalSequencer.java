package com.capitalledger.journal.store;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * The journal's sequencer: a processor of its own over every event, in the order the event store hands them over
 * (events that commit late come when they commit), one segment so one node at a time. It collects a batch's events
 * and journals them just before the batch commits, with its token: the order it gives is durable and never changes.
 * Never reset or rebuilt: the journal is not a read model.
 */
@ProcessingGroup(JournalSequencer.PROCESSING_GROUP)
@DisallowReplay
public class JournalSequencer {

    public static final String PROCESSING_GROUP = "journal";
    private static final String BATCH = JournalSequencer.class.getName() + ".batch";

    private final JournalWriter writer;
    private final JournalGrowth growth;

    public JournalSequencer(JournalWriter writer, JournalGrowth growth) {
        this.writer = writer;
        this.growth = growth;
    }

    @EventHandler(payloadType = Object.class)
    void on(EventMessage<?> message) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<String> batch = root.getOrComputeResource(BATCH, key -> {
            List<String> identifiers = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> writer.take(identifiers));
            root.onRollback(unitOfWork -> writer.rolledBack());
            root.afterCommit(unitOfWork -> growth.grew());
            return identifiers;
        });
        batch.add(message.getIdentifier());
    }
}
