package com.capitalledger.core;

import com.capitalledger.core.calc.DailySteps;
import com.capitalledger.core.program.NoProgramInterceptor;
import com.capitalledger.core.program.Program;
import com.capitalledger.core.rates.BaseRate;
import com.capitalledger.core.rates.BaseRateFixings;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.LedgerEvent;
import com.capitalledger.core.shared.Rate;
import com.capitalledger.core.whatif.JournalEntry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The domain's aggregates on Axon with an in-memory event store: the same code path as the service, minus storage. */
public final class InMemoryLedger implements AutoCloseable {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final Configuration axon;

    public InMemoryLedger() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> storage)
                .configureAggregate(Program.class)
                .configureAggregate(BaseRate.class)
                .registerComponent(BaseRateFixings.class, config -> new BaseRateFixings() {
                    @Override
                    public Optional<Rate> inEffect(BaseRateName rate, LocalDate day) {
                        return history(config, rate).inEffect(rate, day);
                    }

                    @Override
                    public DailySteps steps(BaseRateName rate) {
                        return history(config, rate).steps(rate);
                    }
                })
                .buildConfiguration();
        axon.commandBus().registerHandlerInterceptor(new NoProgramInterceptor());
        axon.start();
    }

    /** The rate's fixings as stored now, as the service reads them: a draw asks for one day, a waterfall for all. */
    private static BaseRateHistory history(Configuration config, BaseRateName rate) {
        BaseRateHistory history = new BaseRateHistory();
        config.eventStore().readEvents(rate.streamId()).asStream()
                .map(message -> (BaseRateFixed) message.getPayload())
                .forEach(history::apply);
        return history;
    }

    public CommandGateway commands() {
        return axon.commandGateway();
    }

    /** Every stored event with its id and recording instant, in the order of the global stream. */
    public List<JournalEntry> journal() {
        return storage.readEvents(null, false)
                .map(message -> new JournalEntry(message.getIdentifier(), (LedgerEvent) message.getPayload(),
                        message.getTimestamp()))
                .toList();
    }

    /** Every stored event's payload, in the order of the global stream. */
    public List<Object> events() {
        return storage.readEvents(null, false).map(Message::getPayload).map(Object.class::cast).toList();
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
