package com.capitalledger.api.config;

import com.capitalledger.core.calc.DailySteps;
import com.capitalledger.core.rates.BaseRateFixings;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.Rate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The fixings a draw consults, read from each base rate's own stream in the event store, so a draw sees every fixing
 * committed before it. Each rate's history is kept and extended with only the events appended since the last look
 * (a rate gains one fixing a business day), instead of reading its whole stream on every draw.
 */
public class BaseRateLookup implements BaseRateFixings {

    private final EventStore eventStore;
    private final Map<BaseRateName, Known> known = new ConcurrentHashMap<>();

    private static final class Known {
        private final BaseRateHistory history = new BaseRateHistory();
        private long nextSequence;
    }

    public BaseRateLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Rate> inEffect(BaseRateName rate, LocalDate day) {
        return caughtUp(rate, history -> history.inEffect(rate, day));
    }

    /** The rate's whole history, for a waterfall's accruals. */
    @Override
    public DailySteps steps(BaseRateName rate) {
        return caughtUp(rate, history -> history.steps(rate));
    }

    private <T> T caughtUp(BaseRateName rate, Function<BaseRateHistory, T> answer) {
        Known rateKnown = known.computeIfAbsent(rate, name -> new Known());
        synchronized (rateKnown) {
            // Events themselves from the next unseen sequence number, never a snapshot standing in for them.
            eventStore.readEvents(rate.streamId(), rateKnown.nextSequence).asStream().forEach(message -> {
                rateKnown.history.apply((BaseRateFixed) message.getPayload());
                rateKnown.nextSequence = ((DomainEventMessage<?>) message).getSequenceNumber() + 1;
            });
            return answer.apply(rateKnown.history);
        }
    }
}
