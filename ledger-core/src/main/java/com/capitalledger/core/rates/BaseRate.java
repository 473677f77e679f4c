package com.capitalledger.core.rates;

import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One benchmark's fixings (SOFR, Term SOFR, ...), shared by every program whose tranches float on it: Axon's shell
 * around {@link BaseRateDecider}.
 */
public class BaseRate {

    @AggregateIdentifier
    private String streamId;

    protected BaseRate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordBaseRateFixing command) {
        AggregateLifecycle.apply(BaseRateDecider.decide(command));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(BaseRateFixed event) {
        streamId = event.rateName().streamId();
    }
}
