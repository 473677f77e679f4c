package com.capitalledger.projections.processing;

import com.capitalledger.projections.readmodel.ReadModel;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The events each read model's processor parked in its dead-letter queue. The queue is a table, so every node counts
 * the same.
 */
@Component
public class ParkedEvents {

    private final EventProcessingConfiguration processing;

    public ParkedEvents(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public long count(ReadModel model) {
        return queue(model).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** Forgets them, for a rebuild that reads every event again: an event that still fails is parked again, once. */
    public void clear(ReadModel model) {
        queue(model).ifPresent(SequencedDeadLetterQueue::clear);
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(ReadModel model) {
        return processing.deadLetterQueue(model.processingGroup());
    }
}
