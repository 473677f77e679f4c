package com.capitalledger.core.rates;

import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.Rate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One benchmark's fixings (SOFR, Term SOFR, ...), shared by every program whose tranches float on it. Fixings may be
 * back-dated as corrections, so there is no ordering rule to enforce: the aggregate only checks the name and rate.
 */
public class BaseRate {

    @AggregateIdentifier
    private String streamId;

    protected BaseRate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordBaseRateFixing command) {
        BaseRateName name = BaseRateName.of(command.rateName());
        Rate rate = Rate.baseRate(command.ratePct());
        AggregateLifecycle.apply(new BaseRateFixed(name, rate, command.effectiveDate()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(BaseRateFixed event) {
        streamId = event.rateName().streamId();
    }
}
