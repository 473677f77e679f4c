package com.capitalledger.core.whatif;

import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.shared.Rate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Raises a base rate in force on every day from a date on: each fixing dated on or after it is shifted in place, and
 * if no fixing falls on the date itself, one is added there at the rate then in force plus the shift (so the days
 * between the date and the next fixing are shifted too). Fixings before the date are untouched. The result is the
 * journal that posting the shifted fixings would have recorded.
 */
final class RateShift {

    private RateShift() {
    }

    static List<JournalEntry> apply(Change.ShiftRate shift, List<JournalEntry> journal, String addedId) {
        BigDecimal points = BigDecimal.valueOf(shift.bps(), 2);
        TreeMap<LocalDate, Rate> inForce = new TreeMap<>();
        List<JournalEntry> shifted = new ArrayList<>(journal.size() + 1);
        Instant last = journal.get(journal.size() - 1).recordedAt();
        for (JournalEntry entry : journal) {
            if (entry.event() instanceof BaseRateFixed fixed && fixed.rateName().equals(shift.baseRate())) {
                inForce.put(fixed.effectiveDate(), fixed.ratePct());
                if (!fixed.effectiveDate().isBefore(shift.from())) {
                    entry = new JournalEntry(entry.eventId(), new BaseRateFixed(fixed.rateName(),
                            new Rate(fixed.ratePct().percent().add(points)), fixed.effectiveDate()), entry.recordedAt());
                }
            }
            shifted.add(entry);
        }
        Map.Entry<LocalDate, Rate> before = inForce.floorEntry(shift.from());
        if (before != null && !before.getKey().equals(shift.from())) {
            shifted.add(new JournalEntry(addedId, new BaseRateFixed(shift.baseRate(),
                    new Rate(before.getValue().percent().add(points)), shift.from()), last));
        }
        return shifted;
    }
}
