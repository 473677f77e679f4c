package com.capitalledger.core.rates;

import com.capitalledger.core.calc.DailySteps;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.Rate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fixings of every base rate, folded in the order they were recorded: a later fixing for the same date replaces
 * the earlier one. The one answer to "which rate is in effect": the decider's draws, what-if branches and the tranches
 * read model (from events or stored fixings) all ask it. Mutable, for one reader at a time.
 */
public final class BaseRateHistory implements BaseRateFixings {

    private final Map<BaseRateName, TreeMap<LocalDate, Rate>> fixings = new HashMap<>();

    public BaseRateHistory apply(BaseRateFixed event) {
        return fix(event.rateName(), event.effectiveDate(), event.ratePct());
    }

    /** The rate fixed at {@code rate} from {@code day} on, until its next fixing. */
    public BaseRateHistory fix(BaseRateName name, LocalDate day, Rate rate) {
        fixings.computeIfAbsent(name, key -> new TreeMap<>()).put(day, rate);
        return this;
    }

    @Override
    public Optional<Rate> inEffect(BaseRateName rate, LocalDate day) {
        TreeMap<LocalDate, Rate> history = fixings.get(rate);
        if (history == null) {
            return Optional.empty();
        }
        Map.Entry<LocalDate, Rate> fixing = history.floorEntry(day);
        return fixing == null ? Optional.empty() : Optional.of(fixing.getValue());
    }

    /** The rate's percent per year day by day, for accruals; undefined before its first fixing. */
    @Override
    public DailySteps steps(BaseRateName rate) {
        Map<LocalDate, BigDecimal> percents = new TreeMap<>();
        fixings.getOrDefault(rate, new TreeMap<>()).forEach((day, fixing) -> percents.put(day, fixing.percent()));
        return DailySteps.of(percents);
    }
}
