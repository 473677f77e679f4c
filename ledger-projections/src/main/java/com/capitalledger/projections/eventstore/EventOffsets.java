package com.capitalledger.projections.eventstore;

import com.capitalledger.projections.fold.Recorded;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The offset in the event stream (global index) of the event a handler is handling. The JDBC event store hands each event the processor's token
 * after it, and that token's index is the highest index seen so far: for an event that committed after a
 * later-numbered one (two writers at once) and so fills a gap, it is the later event's index, not its own. Such an
 * event would be recorded under another event's index. So with the JDBC store's tokens the index is read from the
 * event store by event identifier, once per batch of events; other tokens carry the event's own index.
 */
@Component
public class EventOffsets {

    private static final String RESOURCE = EventOffsets.class.getName() + ".batch";

    private final EventIndexes indexes;

    public EventOffsets(EventIndexes indexes) {
        this.indexes = indexes;
    }

    /** The event being handled, recorded with its own global index. */
    public <E> Recorded<E> recorded(E event, TrackingToken token, Instant recordedAt) {
        return new Recorded<>(event, of(token), recordedAt);
    }

    public long of(TrackingToken token) {
        TrackingToken position = WrappedToken.unwrapUpperBound(token);
        if (!(position instanceof GapAwareTrackingToken) || !CurrentUnitOfWork.isStarted()) {
            return TrackingTokens.globalIndex(token);
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        String identifier = current.getMessage().getIdentifier();
        UnitOfWork<?> root = current.root();
        Map<String, Long> batch = root.getOrComputeResource(RESOURCE, key -> indexes.of(identifiers(root)));
        Long index = batch.get(identifier);
        if (index == null) {
            index = indexes.of(List.of(identifier)).get(identifier);
        }
        if (index == null) {
            throw new IllegalStateException("event " + identifier + " is not in the event store");
        }
        return index;
    }

    private static List<String> identifiers(UnitOfWork<?> root) {
        if (root instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages().stream().map(Message::getIdentifier).toList();
        }
        return List.of(root.getMessage().getIdentifier());
    }
}
