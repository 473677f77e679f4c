package com.capitalledger.core.rates.api;

import com.capitalledger.core.shared.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Records a base-rate fixing, in effect from its date until the day before the next one. May be back-dated as a
 * correction; a second fixing for the same date replaces the first. The name arrives unvalidated.
 */
public record RecordBaseRateFixing(String rateName, BigDecimal ratePct, LocalDate effectiveDate) implements LedgerCommand {

    /** Fixings of one benchmark form one stream, whatever the name's validity: an unknown name is refused inside. */
    @TargetAggregateIdentifier
    public String streamId() {
        return BaseRateName.streamIdOf(rateName);
    }
}
